// What an endpoint's node reads of a call's body (EndpointOptions.bodyReads), read while
// the parsed body is at hand so a large body need not be kept parsed until the run's first
// step (runtime/engine/deferred-body.ts); the executor asks for them with `ctx.preread`.
import { readPath } from '../paths';
import type { EndpointBodyRead } from '../shared/node-endpoint';

/** Each path's value in `body`. */
export function readBody(reads: readonly EndpointBodyRead[], body: unknown): Map<string, unknown> {
  const scope = { body };
  return new Map(reads.map((read) => [read.path, readPath(scope, read.segments)]));
}
