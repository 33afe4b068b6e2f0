// Which pages may call the widget's API: the listed websites (normalised), any website
// when the list is empty, its own full-page chat always; requests without Origin are not
// cross-origin browser requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideOrigin } from '../../../../../runtime/channels/widget/cors';

describe('decideOrigin', () => {
  const listed = ['https://shop.example.com', 'http://localhost:3000'];

  it('allows listed origins, in any spelling, and echoes them for CORS', () => {
    assert.deepEqual(decideOrigin('https://shop.example.com', 'hook.example', listed), {
      ok: true,
      allowOrigin: 'https://shop.example.com',
    });
    assert.equal(decideOrigin('HTTPS://SHOP.example.com:443', 'h', listed).ok, true);
    assert.equal(decideOrigin('http://localhost:3000', 'h', listed).ok, true);
  });

  it('refuses others with a 403 that says what to do', () => {
    for (const origin of ['https://evil.example', 'http://shop.example.com', 'null', 'junk']) {
      const decision = decideOrigin(origin, 'hook.example', listed);
      assert.equal(decision.ok, false, origin);
      if (!decision.ok) {
        assert.equal(decision.error.status, 403);
        assert.match(decision.error.message, /allowed origins/);
      }
    }
  });

  it('allows any origin when the list is empty, its own host always, and no Origin at all', () => {
    assert.deepEqual(decideOrigin('https://anyone.example', 'h', []), {
      ok: true,
      allowOrigin: 'https://anyone.example',
    });
    assert.deepEqual(decideOrigin('http://127.0.0.1:4811', '127.0.0.1:4811', listed), {
      ok: true,
    });
    assert.deepEqual(decideOrigin(undefined, 'h', listed), { ok: true });
  });
});
