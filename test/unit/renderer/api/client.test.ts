import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachmentFileName } from '../../../../renderer/api/client';

describe('attachmentFileName', () => {
  it('reads the file name Express sets for a download', () => {
    assert.equal(attachmentFileName('attachment; filename="Orders.flow.json"'), 'Orders.flow.json');
    assert.equal(attachmentFileName('attachment; filename=plain.json'), 'plain.json');
    assert.equal(attachmentFileName('attachment; filename="a \\"b\\".json"'), 'a "b".json');
  });

  it('prefers the UTF-8 form when there is one', () => {
    assert.equal(
      attachmentFileName(
        `attachment; filename="Caf?.flow.json"; filename*=UTF-8''Caf%C3%A9.flow.json`,
      ),
      'Café.flow.json',
    );
    assert.equal(
      attachmentFileName(`attachment; filename="fallback.json"; filename*=UTF-8''%E0%A4%A`),
      'fallback.json',
    );
  });

  it('has no name without a header or a filename parameter', () => {
    assert.equal(attachmentFileName(null), undefined);
    assert.equal(attachmentFileName('attachment'), undefined);
  });
});
