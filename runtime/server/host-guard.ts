// DNS-rebinding defence: a web page on evil.example that resolves to 127.0.0.1 still sends
// `Host: evil.example`. The admin listener answers only loopback names.
import type { RequestHandler } from 'express';
import { ApiError } from '../api/api-error';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d{1,5})?$/.exec(hostHeader.trim().toLowerCase());
  return match?.[1];
}

export function isLoopbackHost(hostHeader: string | undefined): boolean {
  const name = hostnameOf(hostHeader);
  return name !== undefined && LOOPBACK_NAMES.has(name);
}

export const loopbackHostGuard: RequestHandler = (req, _res, next) => {
  if (isLoopbackHost(req.headers.host)) {
    next();
    return;
  }
  next(
    new ApiError(
      403,
      'forbidden_host',
      'The admin listener only answers requests addressed to localhost or 127.0.0.1',
    ),
  );
};
