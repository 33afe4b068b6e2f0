// A call's body parsed the way its trigger asks (its content-type rule), in one place: the
// pipeline, replay and crash recovery must read the same bytes into the same value.
import type { CompiledTrigger } from './compile-trigger';
import { parseBody, type ParsedBody } from './parse-body';

export function parseCallBody(
  bytes: Buffer,
  contentType: string | undefined,
  trigger: Pick<CompiledTrigger, 'requireContentType'>,
): Promise<ParsedBody> {
  return parseBody(bytes, contentType, {
    ...(trigger.requireContentType ? { requireContentType: trigger.requireContentType } : {}),
  });
}
