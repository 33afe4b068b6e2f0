import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResumeKeys } from '../../../../runtime/engine/resume-keys';

const place = { flowId: 'f_1', nodeId: 'w', runId: 'r_abcdefgh', pass: 0 };

describe('ResumeKeys', () => {
  it('reads back the run and pass of a key it issued, at the node it issued it for', () => {
    const keys = new ResumeKeys(Buffer.alloc(32, 7));
    const key = keys.issue(place);
    assert.match(key, /^r_abcdefgh\.0\.[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(keys.read('f_1', 'w', key), { runId: 'r_abcdefgh', pass: 0 });
    assert.deepEqual(keys.read('f_1', 'w', keys.issue({ ...place, pass: 3 })), {
      runId: 'r_abcdefgh',
      pass: 3,
    });
    // The same secret after a restart reads it too.
    assert.ok(new ResumeKeys(Buffer.alloc(32, 7)).read('f_1', 'w', key));
  });

  it('refuses keys made up, edited, moved to another node or flow, or from another secret', () => {
    const keys = new ResumeKeys(Buffer.alloc(32, 7));
    const key = keys.issue(place);
    assert.equal(keys.read('f_1', 'other', key), undefined);
    assert.equal(keys.read('f_2', 'w', key), undefined);
    assert.equal(keys.read('f_1', 'w', key.replace('.0.', '.1.')), undefined);
    assert.equal(keys.read('f_1', 'w', key.replace('r_abcdefgh', 'r_abcdefgi')), undefined);
    const last = key.at(-1) === 'A' ? 'B' : 'A';
    assert.equal(keys.read('f_1', 'w', `${key.slice(0, -1)}${last}`), undefined);
    assert.equal(new ResumeKeys(Buffer.alloc(32, 8)).read('f_1', 'w', key), undefined);
    for (const junk of [
      '',
      'conv_1',
      `${key}x`,
      `${key}.0`,
      'r_abcdefgh.01.AAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      assert.equal(keys.read('f_1', 'w', junk), undefined, junk);
    }
  });
});
