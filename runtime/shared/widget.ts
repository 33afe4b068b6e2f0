// The web chat widget (issue 14, seed 003 "Publish your bot: Web"): its settings, its
// messages and the public URLs it answers on. Browser-safe: the designer's widget setup and
// the runtime read the same schemas.
//
// Public listener (reached through the tunnel), all under WIDGET_PATH:
//   GET  /embed.js                          the one-tag embed script
//   GET  /chat/{flowId}                     the standalone full-page chat
//   GET  /flows/{flowId}/config             → WidgetAppearance
//   POST /flows/{flowId}/sessions           → 201 { sessionId }
//   GET  /sessions/{id}/messages?after&wait → WidgetMessages (history and polling fallback)
//   GET  /sessions/{id}/events              server-sent `message` events (id = seq)
//   POST /sessions/{id}/messages            { text } | { buttonId } → 202 { seq }
// Admin API: GET/PUT /api/channels/widget/settings.
import { z } from 'zod';

export const WIDGET_CHANNEL_ID = 'widget';
export const WIDGET_PATH = '/channels/widget';

/** A visitor's message (characters) and a request body (bytes) at most. */
export const MAX_WIDGET_TEXT = 2000;
export const MAX_WIDGET_BODY_BYTES = 8 * 1024;
export const MAX_ALLOWED_ORIGINS = 50;

export const WIDGET_SESSION_ID_PATTERN = /^ws_[A-Za-z0-9_-]{22,40}$/;
/** Flow ids as the flows store makes them; checked before any lookup. */
export const WIDGET_FLOW_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const widgetColourSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour written like #2563eb')
  .transform((colour) => colour.toLowerCase());

export const widgetSettingsSchema = z.object({
  /** The flow a visitor's first message starts ('' = not set up yet). */
  flowId: z.union([z.literal(''), z.string().regex(WIDGET_FLOW_ID_PATTERN)]).default(''),
  /** Websites that may embed the widget (`https://shop.example.com`); empty = any. */
  allowedOrigins: z
    .array(z.string().trim().min(1).max(300))
    .max(MAX_ALLOWED_ORIGINS, `List at most ${MAX_ALLOWED_ORIGINS} origins`)
    .default([]),
  title: z
    .string()
    .trim()
    .min(1, 'Give the chat a title')
    .max(60, 'Keep the title under 60 characters')
    .default('Chat with us'),
  colour: widgetColourSchema.default('#2563eb'),
  /** Shown above the conversation before the visitor writes; not a bot message. */
  greeting: z
    .string()
    .trim()
    .max(500, 'Keep the greeting under 500 characters')
    .default('Hi! Write us a message to start.'),
});
export type WidgetSettings = z.infer<typeof widgetSettingsSchema>;

/** What the admin API takes: any of the settings. */
export const widgetSettingsPatchSchema = widgetSettingsSchema.partial().strict();

/** What the embed script and the full-page chat read before they draw anything. */
export interface WidgetAppearance {
  title: string;
  colour: string;
  greeting: string;
}

export const widgetButtonSchema = z.object({ id: z.string(), label: z.string() });

export const widgetMessageSchema = z.object({
  seq: z.number().int().positive(),
  from: z.enum(['bot', 'visitor']),
  text: z.string(),
  buttons: z.array(widgetButtonSchema).optional(),
  at: z.string(),
});
export type WidgetMessage = z.infer<typeof widgetMessageSchema>;

export interface WidgetMessages {
  messages: WidgetMessage[];
}

/** A visitor's message: typed text, or a click on a button of the last bot message. */
export const widgetReplySchema = z.union([
  z
    .object({
      text: z
        .string()
        .trim()
        .min(1, 'Write a message')
        .max(MAX_WIDGET_TEXT, `Keep messages under ${MAX_WIDGET_TEXT} characters`),
    })
    .strict(),
  z.object({ buttonId: z.string().min(1).max(64) }).strict(),
]);
export type WidgetReply = z.infer<typeof widgetReplySchema>;

/** The tag a website adds (seed 003 "Embed chatbots on website"). */
export function widgetSnippet(publicBase: string, flowId: string): string {
  return `<script src="${publicBase}${WIDGET_PATH}/embed.js" data-flow="${flowId}" async></script>`;
}

export function widgetChatUrl(publicBase: string, flowId: string): string {
  return `${publicBase}${WIDGET_PATH}/chat/${encodeURIComponent(flowId)}`;
}
