import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../../../runtime/api/api-error';
import { parseXml } from '../../../../runtime/ingress/parse-xml';

function refusal(text: string): ApiError {
  try {
    parseXml(text);
  } catch (error) {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'invalid_xml');
    return error;
  }
  assert.fail('expected the XML to be refused');
}

describe('parseXml', () => {
  it('reads the note example as note.to / note["to"]', () => {
    const value = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<note>\n  <to>Tove</to>\n  <from>Jani</from>\n' +
        "  <heading>Reminder</heading>\n  <body>Don't forget me this weekend!</body>\n</note>",
    );
    assert.deepEqual(value, {
      note: {
        to: 'Tove',
        from: 'Jani',
        heading: 'Reminder',
        body: "Don't forget me this weekend!",
      },
    });
  });

  it('puts attributes under @_ and text beside them under #text', () => {
    assert.deepEqual(parseXml('<order id="42" status="paid"><to lang="pt">Ana</to></order>'), {
      order: { '@_id': '42', '@_status': 'paid', to: { '@_lang': 'pt', '#text': 'Ana' } },
    });
  });

  it('keeps every value a string: zip codes, ids and flags are not guessed', () => {
    assert.deepEqual(
      parseXml(
        '<r><zip>01310</zip><id>12345678901234567890</id><ok>true</ok><n a="007">1.50</n></r>',
      ),
      {
        r: {
          zip: '01310',
          id: '12345678901234567890',
          ok: 'true',
          n: { '@_a': '007', '#text': '1.50' },
        },
      },
    );
  });

  it('makes repeated elements arrays; keeps CDATA, namespaces and empty elements', () => {
    assert.deepEqual(
      parseXml(
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
          '<item>a</item><item>b</item><note><![CDATA[<b>bold</b>]]></note><empty/></soap:Body></soap:Envelope>',
      ),
      {
        'soap:Envelope': {
          '@_xmlns:soap': 'http://schemas.xmlsoap.org/soap/envelope/',
          'soap:Body': { item: ['a', 'b'], note: '<b>bold</b>', empty: '' },
        },
      },
    );
  });

  it("decodes XML's predefined entities and character references only", () => {
    assert.deepEqual(
      parseXml('<a t="&lt;&amp;&gt;">&quot;Tom &amp; Jerry&apos; &#233;&#x41; &nbsp;</a>'),
      {
        a: { '@_t': '<&>', '#text': '"Tom & Jerry\' éA &nbsp;' },
      },
    );
  });

  it('never expands DOCTYPE entities (billion laughs)', () => {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><lolz>&lol9;</lolz>`;
    assert.deepEqual(parseXml(bomb), { lolz: '&lol9;' });
    assert.deepEqual(
      parseXml('<!DOCTYPE a [<!ENTITY who "World">]><a>Hello &who;</a>'),
      { a: 'Hello &who;' },
      'internal entities stay literal',
    );
  });

  it('refuses external entities (XXE) without reading anything', () => {
    const error = refusal(
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>',
    );
    assert.match(error.message, /External entities are not supported/);
    assert.doesNotMatch(error.message, /root:/);
  });

  it('accepts a DOCTYPE that only names a DTD', () => {
    assert.deepEqual(parseXml('<!DOCTYPE note SYSTEM "Note.dtd"><note><to>Tove</to></note>'), {
      note: { to: 'Tove' },
    });
  });

  it('names the line, column and reason of malformed XML', () => {
    const error = refusal('<note>\n  <to>Tove</from>\n</note>');
    assert.match(error.message, /^The body is not valid XML: line 2, column \d+: .*closing tag/);
    assert.equal(Reflect.get(Object(error.details), 'line'), 2);
    assert.match(refusal('just text').message, /line 1/);
    assert.match(refusal('<a>1</a><b>2</b>').message, /Multiple possible root nodes/);
    assert.match(refusal('<a><b></a>').message, /line 1/);
  });

  it('refuses prototype names as elements and keeps prefixed attribute names harmless', () => {
    assert.match(
      refusal('<a><__proto__><polluted>1</polluted></__proto__></a>').message,
      /__proto__/,
    );
    assert.match(refusal('<a><constructor>1</constructor></a>').message, /constructor/);
    const value = parseXml('<a __proto__="1" constructor="2">t</a>');
    assert.deepEqual(value, { a: { '@___proto__': '1', '@_constructor': '2', '#text': 't' } });
    assert.equal(Reflect.get({}, 'polluted'), undefined);
  });

  it('refuses absurd nesting (413) instead of recursing', () => {
    const depth = 5000;
    const deep = `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    assert.throws(
      () => parseXml(deep),
      (error: unknown) =>
        error instanceof ApiError && error.status === 413 && error.code === 'body_too_deep',
    );
  });
});
