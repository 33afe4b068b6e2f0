// The arguments of the desktop calls, validated in main: the renderer is not trusted to
// send well-formed arguments.
import { z } from 'zod';

export { desktopChannels } from './ipc-channels';

export const openExternalSchema = z.tuple([z.string().url().max(4096)]);
export const notifySchema = z.tuple([
  z.object({ title: z.string().max(200), body: z.string().max(1000) }),
]);
export const setStartAtLoginSchema = z.tuple([z.boolean()]);
