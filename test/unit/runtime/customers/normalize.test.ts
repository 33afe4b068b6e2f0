import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseValue, searchKey } from '../../../../runtime/customers/normalize';
import { toE164 } from '../../../../runtime/customers/phone-e164';

describe('normaliseValue', () => {
  it('trims emails and lower-cases only the domain', () => {
    assert.deepEqual(normaliseValue('email', '  Ana.Lima@Example.COM '), {
      value: 'Ana.Lima@example.com',
      normalised: true,
    });
  });

  it('keeps a value that is not an email as given (trimmed) and says so', () => {
    assert.deepEqual(normaliseValue('email', ' not-an-email '), {
      value: 'not-an-email',
      normalised: false,
    });
  });

  it('brings international and national phone numbers to E.164', () => {
    const br = { defaultCountry: 'BR' };
    assert.equal(normaliseValue('phone', '+55 (11) 99999-8888', br).value, '+5511999998888');
    assert.equal(normaliseValue('whatsapp', '0055 11 99999 8888', br).value, '+5511999998888');
    assert.equal(normaliseValue('phone', '(11) 99999-8888', br).value, '+5511999998888');
    assert.equal(normaliseValue('phone', '5511999998888', br).value, '+5511999998888');
    assert.equal(
      normaliseValue('phone', '020 7946 0958', { defaultCountry: 'GB' }).value,
      '+442079460958',
    );
  });

  it('flags national numbers without a default country, and text that is no number', () => {
    assert.deepEqual(normaliseValue('phone', '(11) 99999-8888'), {
      value: '(11) 99999-8888',
      normalised: false,
    });
    assert.equal(normaliseValue('phone', 'call me', { defaultCountry: 'BR' }).normalised, false);
    assert.equal(toE164('+12', 'US'), undefined);
    assert.equal(toE164('+1234567890123456', 'US'), undefined);
  });

  it('normalises handles and documents, and collapses spaces in names', () => {
    assert.equal(normaliseValue('instagram', ' @Ana_Lima ').value, 'ana_lima');
    assert.equal(normaliseValue('telegram', 'has space').normalised, false);
    assert.equal(normaliseValue('document', '123.456.789-00').value, '12345678900');
    assert.equal(normaliseValue('name', '  Ana   Lima ').value, 'Ana Lima');
  });

  it('gives phone and WhatsApp one key space, and compares emails case-insensitively', () => {
    assert.equal(searchKey('whatsapp', '+5511999998888'), searchKey('phone', '+5511999998888'));
    assert.equal(searchKey('email', 'Ana@example.com'), searchKey('email', 'ana@example.com'));
    assert.notEqual(searchKey('instagram', 'ana'), searchKey('telegram', 'ana'));
  });
});
