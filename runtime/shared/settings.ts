// Settings the user can change. Every field has a default so an empty file is valid and a
// newer Hookflow can add fields without a migration.
import { z } from 'zod';

export const settingsSchema = z.object({
  runs: z
    .object({
      /** A run stops with a clear failure after this many steps (runaway loops). */
      maxStepsPerRun: z.number().int().min(10).max(100_000).default(1000),
      retentionCount: z.number().int().min(10).max(1_000_000).default(10_000),
      retentionDays: z.number().int().min(1).max(3650).default(30),
    })
    .prefault({}),
  calls: z
    .object({
      retentionCount: z.number().int().min(10).max(1_000_000).default(10_000),
      retentionDays: z.number().int().min(1).max(3650).default(14),
    })
    .prefault({}),
  outbound: z
    .object({
      /**
       * Issue 12: refuse the HTTP Request node's "Allow private network" switch in every
       * flow (an administrator keeping flows off the LAN and the cloud metadata address).
       */
      forbidPrivateNetwork: z.boolean().default(false),
      /** Asynchronous HTTP requests in flight at once; more are refused with a logged error. */
      maxBackgroundRequests: z.number().int().min(1).max(10_000).default(100),
    })
    .prefault({}),
  tunnel: z
    .object({
      /** Open the public tunnel whenever Hookflow starts. */
      autoStart: z.boolean().default(false),
      /** A reserved ngrok domain; empty means ngrok assigns one. */
      domain: z.string().max(253).optional(),
    })
    .prefault({}),
  api: z
    .object({
      /**
       * Requests one project token may make per minute to the public API (a burst of this
       * size, refilled evenly); more are answered 429 with Retry-After.
       */
      requestsPerMinutePerToken: z.number().int().min(1).max(100_000).default(120),
    })
    .prefault({}),
  customers: z
    .object({
      /** ISO 3166 alpha-2 country for phone numbers written without a country code. */
      defaultCountry: z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.object({
  runs: settingsSchema.shape.runs.unwrap().partial().optional(),
  calls: settingsSchema.shape.calls.unwrap().partial().optional(),
  outbound: settingsSchema.shape.outbound.unwrap().partial().optional(),
  customers: settingsSchema.shape.customers.unwrap().partial().optional(),
  api: settingsSchema.shape.api.unwrap().partial().optional(),
});
// Tunnel settings change through /api/tunnel/settings (the authtoken goes with them).
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
