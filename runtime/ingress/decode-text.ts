// Bytes to text with the sender's charset. Invalid byte sequences become U+FFFD rather
// than failing: a webhook with one bad byte in a name is still worth running (the exact
// bytes stay available to signature checks). A leading byte order mark is dropped.
import { TextDecoder } from 'node:util';
import { ApiError } from '../api/api-error';

export const DEFAULT_CHARSET = 'utf-8';

export function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  return textDecoder(charset).decode(bytes);
}

function textDecoder(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder(charset ?? DEFAULT_CHARSET);
  } catch {
    // TextDecoder throws a RangeError for labels the WHATWG Encoding list does not know.
    throw new ApiError(
      415,
      'unsupported_charset',
      `The charset "${(charset ?? '').slice(0, 60)}" is not supported; send the body as UTF-8 (charset=utf-8)`,
    );
  }
}
