// XML to the object `body.…` paths read; shared with the outbound HTTP node for responses.
//
// Shape (fast-xml-parser conventions):
//   <note id="7"><to>Tove</to><to>Ann</to><from>Jani</from></note>
//   → { note: { '@_id': '7', to: ['Tove', 'Ann'], from: 'Jani' } }
// - Attributes are keys prefixed `@_` (`note['@_id']`); an element with attributes and
//   text keeps the text under `#text` (`<to lang="en">Tove</to>` → { '@_lang': 'en', '#text': 'Tove' }).
// - A repeated element becomes an array; a single one stays a value (`note.to` vs `note.to[0]`).
// - Every value stays a string, as n8n's XML handling does: XML carries no types, and
//   guessing would corrupt zip codes ("01310"), phone numbers and long ids.
// - Text is trimmed; an empty element is ''. Namespace prefixes are kept (`['soap:Body']`).
//   The <?xml?> declaration and processing instructions are left out.
//
// Safety: entities declared in a DOCTYPE are never expanded (billion laughs) — they stay as
// literal `&name;` text — and external entities are refused (XXE). Only XML's five
// predefined entities and numeric character references are decoded. Elements named
// `__proto__`, `constructor` or `prototype` are refused; attribute keys are prefixed, so
// none can be a prototype setter. Elements nested more than MAX_BODY_NESTING deep are
// refused (413, nesting-limit.ts).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ApiError } from '../api/api-error';
import { MAX_BODY_NESTING, tooDeeplyNested } from './nesting-limit';

const PREDEFINED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

/** Replaces the library's decoder so DOCTYPE entities are parsed but never used. */
const entityDecoder = {
  setExternalEntities(): void {},
  addInputEntities(): void {},
  reset(): void {},
  setXmlVersion(): void {},
  decode(text: string): string {
    if (!text.includes('&')) return text;
    return text.replace(REFERENCE, (match, name?: string, decimal?: string, hex?: string) => {
      if (name !== undefined) return PREDEFINED[name] ?? match;
      const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
      return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : match;
    });
  },
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  entityDecoder,
  // The parser's own depth guard, at the one nesting limit (nesting-limit.ts). It refuses
  // only past maxNestedTags + 1 elements (it counts the ones above the new one).
  maxNestedTags: MAX_BODY_NESTING - 1,
});
const NESTING_EXCEEDED = 'Maximum nested tags exceeded';

/** Parses XML text; throws ApiError(400, 'invalid_xml') naming the line and the reason. */
export function parseXml(text: string): unknown {
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw new ApiError(
      400,
      'invalid_xml',
      `The body is not valid XML: line ${line}, column ${col}: ${msg}`,
      { line, column: col },
    );
  }
  try {
    const value: unknown = parser.parse(text);
    return value;
  } catch (error) {
    if (error instanceof Error && error.message === NESTING_EXCEEDED) {
      throw tooDeeplyNested('elements');
    }
    // Well-formed but refused by the parser: external entities, forbidden names.
    const reason = error instanceof Error ? error.message.replace(/^\[SECURITY\]\s*/, '') : '';
    throw new ApiError(400, 'invalid_xml', `The body is not accepted as XML: ${reason}`);
  }
}

function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
