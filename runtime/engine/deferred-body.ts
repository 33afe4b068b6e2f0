// A large JSON body that a run holds as the bytes that arrived, not as parsed objects.
//
// Why: a webhook's body is parsed when it arrives (a bad one is refused before anything
// is recorded), then the call is recorded durably before the 2xx, and only then does the
// run start. Under load that wait is tens of milliseconds, and a parsed 100 KB body (some
// thousands of objects) held through it survives the young-generation collections and is
// copied into the old generation: most of a large call's cost was that garbage
// (`npm run bench:webhook`, case (c): about 1.4× the req/s without it). So the ingress
// reads what the trigger itself needs while the parsed body is at hand (`prereads`, see
// runtime/ingress/read-body-paths.ts), lets the objects go, and the run gets this:
// its records write the bytes as they are, and the body is parsed again only if a later
// node reads `body`.
import type { RawJson } from '../store/jsonl/record-encoder';

export class DeferredBody {
  constructor(
    /** The bytes, spliced into the run's records as they are. */
    readonly raw: RawJson,
    /** Paths into the body (as written in the trigger's config) and what they read. */
    readonly prereads: ReadonlyMap<string, unknown>,
  ) {}

  /**
   * The parsed body, parsed on first use. The bytes were checked when the call arrived
   * (valid JSON in UTF-8 with no `__proto__` key), so this parse gives the same value.
   */
  value(): unknown {
    return this.raw.value;
  }
}
