// A record that cannot be written as JSON (a value nested deeper than the stack allows, a
// cycle, a BigInt). Told apart from a failed write: the same record will never encode, so
// a caller drops what made it fail instead of trying again (runtime/engine/run-failure.ts).
export class RecordEncodingError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`the record cannot be written as JSON (${reason})`, { cause });
    this.name = 'RecordEncodingError';
  }
}
