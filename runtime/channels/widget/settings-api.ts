// The widget's settings on the admin API: `GET/PUT /api/channels/widget/settings` (the
// flow it starts, allowed origins, title, colour, greeting), validated before they are
// stored: an unknown flow or a malformed origin is a 400 naming the field.
import { Router } from 'express';
import { ApiError, parseInput } from '../../api/api-error';
import type { ApiContext } from '../../api/context';
import { parseOriginAllowlist } from '../../security/origin-allowlist';
import {
  widgetSettingsPatchSchema,
  widgetSettingsSchema,
  type WidgetSettings,
} from '../../shared/widget';
import type { WidgetStore } from './session-store';

export async function updateWidgetSettings(
  ctx: Pick<ApiContext, 'flows'>,
  store: WidgetStore,
  input: unknown,
): Promise<WidgetSettings> {
  const parsed = parseInput(widgetSettingsPatchSchema, input);
  // Only the fields sent change (the schema's defaults would fill in the others).
  const sent = new Set(Object.keys(input as object));
  const patch = Object.fromEntries(Object.entries(parsed).filter(([key]) => sent.has(key)));
  const next = parseInput(widgetSettingsSchema, { ...store.settings(), ...patch });
  if (next.flowId !== '' && !ctx.flows.get(next.flowId)) {
    throw new ApiError(400, 'invalid_input', `flowId: there is no flow "${next.flowId}"`, [
      { path: 'flowId', message: 'Choose one of your flows' },
    ]);
  }
  const { origins, problems } = parseOriginAllowlist(next.allowedOrigins);
  if (problems.length > 0) {
    const [first] = problems;
    throw new ApiError(
      400,
      'invalid_input',
      `allowedOrigins: "${first?.entry ?? ''}": ${first?.message ?? 'not an origin'}`,
      problems.map((problem) => ({
        path: `allowedOrigins[${problem.index}]`,
        message: problem.message,
      })),
    );
  }
  // Stored normalised and without duplicates, as the CORS check compares them.
  return store.saveSettings({ ...next, allowedOrigins: [...new Set(origins)] });
}

export function widgetSettingsRoutes(ctx: ApiContext, store: WidgetStore): Router {
  const router = Router();
  router.get('/channels/widget/settings', (_req, res) => {
    res.json({ settings: store.settings() });
  });
  router.put('/channels/widget/settings', async (req, res) => {
    res.json({ settings: await updateWidgetSettings(ctx, store, req.body) });
  });
  return router;
}
