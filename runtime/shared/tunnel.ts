// The public tunnel as the designer sees it. The public URL is only ever one ngrok
// reported for a live session: never a guessed or placeholder address.
import { z } from 'zod';

export type TunnelState = 'off' | 'starting' | 'online' | 'error';

export interface TunnelStatus {
  state: TunnelState;
  /** The public base URL while online. */
  url?: string;
  /** What went wrong and what to do, while in the error state. */
  error?: { code: string; message: string };
  hasAuthtoken: boolean;
  autoStart: boolean;
  domain?: string;
  since: string;
}

/** A reserved ngrok domain such as `shop-bot.ngrok.app` (plain host name, no scheme). */
export const tunnelDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'Enter a host name like my-bot.ngrok.app (no https://, no path)',
  );

export const tunnelSettingsInputSchema = z
  .object({
    /** ngrok authtoken; stored encrypted, never returned. Empty string removes it. */
    authtoken: z.string().trim().max(200).optional(),
    /** Empty string clears the reserved domain. */
    domain: z.union([tunnelDomainSchema, z.literal('')]).optional(),
    autoStart: z.boolean().optional(),
  })
  .refine((input) => Object.keys(input).length > 0, {
    message: 'Send authtoken, domain or autoStart',
  });

export type TunnelSettingsInput = z.infer<typeof tunnelSettingsInputSchema>;
