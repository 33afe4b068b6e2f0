// Turns every failure into the JSON error shape with the right status; never a stack.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { ApiError } from '../api/api-error';
import type { Logger } from '../logger';
import { StoreUnavailableError } from '../store/store-unavailable';

export function sendError(res: Response, error: ApiError): void {
  if (error.headers) res.set(error.headers);
  res.status(error.status).json({
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  });
}

/** body-parser reports its failures with `type`; map them to our codes. */
function fromBodyParser(error: unknown): ApiError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new ApiError(
        400,
        'invalid_json',
        `The request body is not valid JSON: ${'message' in error ? String(error.message) : ''}`,
      );
    case 'entity.too.large':
      return new ApiError(413, 'payload_too_large', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError(415, 'unsupported_media_type', 'Unsupported body encoding or charset');
    case 'request.aborted':
      return new ApiError(400, 'request_aborted', 'The request was aborted by the client');
    default:
      return undefined;
  }
}

export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const apiError =
      error instanceof ApiError
        ? error
        : error instanceof StoreUnavailableError
          ? new ApiError(503, 'store_unavailable', error.message, undefined, { 'Retry-After': '5' })
          : fromBodyParser(error);
    if (apiError) {
      sendError(res, apiError);
      return;
    }
    logger.error('unexpected error while handling a request', {
      error: error instanceof Error ? error.message : String(error),
    });
    if (res.headersSent) return;
    sendError(res, new ApiError(500, 'internal_error', 'Something went wrong inside Hookflow'));
  };
}

export function notFoundHandler(message: string): RequestHandler {
  return (req, res) => {
    sendError(res, new ApiError(404, 'not_found', `${message}: ${req.method} ${req.path}`));
  };
}

/** Bodies on the admin API are JSON; anything else is refused before parsing. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
  if (hasBody && !req.is('application/json')) {
    next(new ApiError(415, 'unsupported_media_type', 'Send the body as application/json'));
    return;
  }
  next();
};
