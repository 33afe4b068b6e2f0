// The ids of the chat channels Hookflow ships. Browser-safe (the designer and the stored-run
// schema read it), so it cannot import the channels themselves; runtime/channels/registry.ts
// is checked against it. A channel's id is also its run trigger type and its segment in
// Start webhook URLs (`…/{channel}/{chatId}`).
export const SHIPPED_CHANNEL_IDS = ['test-chat', 'telegram', 'widget'] as const;

export type ShippedChannelId = (typeof SHIPPED_CHANNEL_IDS)[number];
