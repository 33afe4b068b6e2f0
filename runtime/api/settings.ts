import { settingsPatchSchema, type Settings } from '../shared/settings';
import { parseInput } from './api-error';
import type { ApiContext } from './context';

export function getSettings(ctx: ApiContext): Settings {
  return ctx.settings.get();
}

export function updateSettings(ctx: ApiContext, input: unknown): Promise<Settings> {
  return ctx.settings.update(parseInput(settingsPatchSchema, input));
}
