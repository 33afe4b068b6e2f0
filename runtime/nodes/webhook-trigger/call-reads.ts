// What a Webhook Trigger reads from its call's body: its mappings, its event path and its
// Customer & Chat binding's paths, where
// they start with `body`. The ingress reads these while the parsed body is at hand, so a
// large body need not be kept (or parsed again) until the run's first step: see
// runtime/engine/deferred-body.ts. The executor asks for them with `ctx.preread(path)`.
import { tryParsePath } from '../../paths';
import type { EndpointBodyRead } from '../../shared/node-endpoint';

/** The trigger's paths into the body; `wholeBody` when it keeps the whole body too. */
export function bodyReadsOf(config: {
  mappings: readonly { path: string }[];
  events: { path?: string | undefined };
  saveFullBodyAs?: string | undefined;
  customer?: { enabled: boolean; rows: readonly { path: string }[] };
  chat?: { enabled: boolean; contactPath: string };
}): {
  reads: EndpointBodyRead[];
  wholeBody: boolean;
} {
  const reads: EndpointBodyRead[] = [];
  const paths = [...config.mappings.map((mapping) => mapping.path), config.events.path];
  // The Customer & Chat binding reads its fields the same way.
  if (config.customer?.enabled) paths.push(...config.customer.rows.map((row) => row.path));
  if (config.chat?.enabled) paths.push(config.chat.contactPath);
  for (const path of paths) {
    const parsed = path ? tryParsePath(path) : undefined;
    const first = parsed?.ok ? parsed.segments[0] : undefined;
    if (!parsed?.ok || first?.type !== 'key' || first.key !== 'body') continue;
    if (path && !reads.some((read) => read.path === path)) {
      reads.push({ path, segments: parsed.segments });
    }
  }
  return { reads, wholeBody: Boolean(config.saveFullBodyAs) };
}
