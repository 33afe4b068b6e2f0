// Every admin API call carries the admin token: as `Authorization: Bearer <token>` (CLI,
// scripts, tests) or, from the designer, as the session cookie plus the
// `X-Hookflow-Client` header. The header forces a CORS preflight that we never grant, so
// another site cannot make the browser send a cookie-authenticated request (CSRF).
import { createHmac } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from '../api/api-error';
import { secretsEqual } from '../security/constant-time';

export const CLIENT_HEADER = 'x-hookflow-client';

/** Cookies are shared across ports on one host, so the port is part of the name. */
export function sessionCookieName(req: Request): string {
  return `hookflow_session_${req.socket.localPort ?? 0}`;
}

/** Derived from the admin token: stable across restarts, useless once the token changes. */
export function sessionValue(adminToken: string): string {
  return createHmac('sha256', adminToken).update('designer-session:v1').digest('base64url');
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, adminToken: string): void {
  res.cookie(sessionCookieName(req), sessionValue(adminToken), {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    maxAge: 400 * 24 * 60 * 60 * 1000,
  });
}

export function isAuthorized(req: Request, adminToken: string): boolean {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1] !== undefined && secretsEqual(match[1], adminToken);
  }
  const cookie = readCookie(req, sessionCookieName(req));
  return (
    cookie !== undefined &&
    req.headers[CLIENT_HEADER] !== undefined &&
    secretsEqual(cookie, sessionValue(adminToken))
  );
}

export function requireAdmin(adminToken: string): RequestHandler {
  return (req, _res, next) => {
    if (isAuthorized(req, adminToken)) {
      next();
      return;
    }
    next(
      new ApiError(
        401,
        'unauthorized',
        'Missing or wrong admin token. Send "Authorization: Bearer <token>" with the token from ' +
          'the file admin-token in the data folder, or open the designer with `hookflow open`.',
        undefined,
        { 'WWW-Authenticate': 'Bearer realm="hookflow-admin"' },
      ),
    );
  };
}
