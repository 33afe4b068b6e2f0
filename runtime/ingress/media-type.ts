// Reads a Content-Type header into the two things parsing needs: the media type that picks
// the parser, and the charset that decodes text. Other parameters (multipart's boundary)
// are read by the parser that needs them from the full header.

export type BodyKind = 'json' | 'form' | 'multipart' | 'xml' | 'text' | 'binary';

export interface ContentType {
  /** `type/subtype`, lowercased, without parameters; undefined when the header is absent. */
  mediaType: string | undefined;
  /** The `charset` parameter, lowercased, unquoted; undefined when absent. */
  charset: string | undefined;
}

export function parseContentType(header: string | undefined): ContentType {
  if (header === undefined) return { mediaType: undefined, charset: undefined };
  const semicolon = header.indexOf(';');
  const mediaType = (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(header);
  const charsetValue = charset?.[1] ?? charset?.[2];
  return {
    mediaType: mediaType === '' ? undefined : mediaType,
    charset: charsetValue ? charsetValue.trim().toLowerCase() : undefined,
  };
}

/** Which parser reads a body of this media type. */
export function bodyKind(mediaType: string | undefined): BodyKind {
  if (mediaType === undefined) return 'binary';
  const slash = mediaType.indexOf('/');
  if (slash <= 0) return 'binary';
  const type = mediaType.slice(0, slash);
  const subtype = mediaType.slice(slash + 1);
  if (subtype === 'json' && (type === 'application' || type === 'text')) return 'json';
  if (subtype === 'xml' && (type === 'application' || type === 'text')) return 'xml';
  if (type === 'application') {
    if (subtype.endsWith('+json')) return 'json';
    if (subtype.endsWith('+xml')) return 'xml';
    if (subtype === 'x-www-form-urlencoded') return 'form';
  }
  if (mediaType === 'multipart/form-data') return 'multipart';
  if (type === 'text') return 'text';
  return 'binary';
}
