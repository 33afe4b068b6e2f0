import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnswer } from '../../../../../runtime/nodes/collect-input/parse-answer';

describe('parseAnswer', () => {
  it('text: any non-blank reply, trimmed', () => {
    assert.deepEqual(parseAnswer('text', '  hello '), { ok: true, value: 'hello' });
    assert.deepEqual(parseAnswer('text', '   '), { ok: false });
  });

  it('number: stored as a number; a decimal comma counts', () => {
    assert.deepEqual(parseAnswer('number', '42'), { ok: true, value: 42 });
    assert.deepEqual(parseAnswer('number', '-3.5'), { ok: true, value: -3.5 });
    assert.deepEqual(parseAnswer('number', '3,5'), { ok: true, value: 3.5 });
    for (const bad of ['', 'abc', '1e5', '0x10', '1.2.3', '12 apples', 'Infinity']) {
      assert.deepEqual(parseAnswer('number', bad), { ok: false }, bad);
    }
  });

  it('email', () => {
    assert.deepEqual(parseAnswer('email', ' ana@example.com '), {
      ok: true,
      value: 'ana@example.com',
    });
    for (const bad of ['ana', 'ana@', '@x.com', 'ana@example', 'a b@x.com', 'ana@@x.com']) {
      assert.deepEqual(parseAnswer('email', bad), { ok: false }, bad);
    }
  });

  it('phone: separators removed, 6–15 digits with an optional +', () => {
    assert.deepEqual(parseAnswer('phone', '+55 (11) 99999-0000'), {
      ok: true,
      value: '+5511999990000',
    });
    assert.deepEqual(parseAnswer('phone', '555.1234'), { ok: true, value: '5551234' });
    for (const bad of ['12345', 'call me', '+1 234 567 890 123 456', '++123456']) {
      assert.deepEqual(parseAnswer('phone', bad), { ok: false }, bad);
    }
  });
});
