// The Telegram channel over HTTP. Admin (`/api`, admin token): connect, settings,
// disconnect, status. Public (the tunnel reaches it): the webhook Telegram delivers to,
// with a 1 MB body cap (updates are a few KB) and JSON errors; the secret header is
// checked in constant time before the body is read as an update (webhook-request.ts).
import type { IncomingHttpHeaders } from 'node:http';
import express, { Router } from 'express';
import { ApiError } from '../../api/api-error';
import type { FlowDocument } from '../../shared/flow-document';
import { TELEGRAM_WEBHOOK_PATH, type TelegramInfo } from '../../shared/telegram';
import type { WebhookResult } from './webhook-request';

type Flows = { get(id: string): FlowDocument | undefined };

/** What the routes call: the channel (telegram-channel.ts). */
export interface TelegramRoutesTarget {
  info(): TelegramInfo;
  connect(input: unknown, flows: Flows): Promise<TelegramInfo>;
  setFlow(input: unknown, flows: Flows): Promise<TelegramInfo>;
  disconnect(): Promise<TelegramInfo>;
  handleWebhook(headers: IncomingHttpHeaders, body: Buffer): Promise<WebhookResult>;
}

/** Telegram's updates are small; anything near this is not one. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export function telegramAdminRoutes(channel: TelegramRoutesTarget, flows: Flows): Router {
  const router = Router();
  router.get('/channels/telegram', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(channel.info());
  });
  router.post('/channels/telegram/connect', async (req, res) => {
    res.json(await channel.connect(req.body, flows));
  });
  router.put('/channels/telegram/settings', async (req, res) => {
    res.json(await channel.setFlow(req.body, flows));
  });
  router.delete('/channels/telegram', async (_req, res) => {
    res.json(await channel.disconnect());
  });
  return router;
}

export function telegramPublicRoutes(channel: TelegramRoutesTarget): Router {
  const router = Router();
  router.post(
    TELEGRAM_WEBHOOK_PATH,
    // Raw bytes, whatever the content type says: the transport parses and validates them.
    express.raw({ type: () => true, limit: MAX_WEBHOOK_BYTES }),
    async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await channel.handleWebhook(req.headers, body);
      res.status(result.status).set('Cache-Control', 'no-store').json(result.body);
    },
  );
  router.all(TELEGRAM_WEBHOOK_PATH, () => {
    throw new ApiError(
      405,
      'method_not_allowed',
      'Telegram delivers updates with POST',
      undefined,
      {
        Allow: 'POST',
      },
    );
  });
  return router;
}
