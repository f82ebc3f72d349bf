import type { ServerResponse } from 'node:http';
import { HttpError, httpErrors } from './errors';
import { sendJson } from './respond';

/** Body-parser failures are the client's (400); anything else unexpected is a 500 with a spec body. */
export function toHttpError(err: unknown, log?: (line: string) => void): HttpError {
  if (err instanceof HttpError) return err;
  // The router's own URIError (status 400): an `:id` with broken percent-encoding names no resource.
  if (err instanceof URIError && (err as { status?: number }).status === 400)
    return httpErrors.notFound(err.message);
  const e = err as { type?: string; status?: number; message?: string; stack?: string };
  if (e.type === 'entity.too.large') return httpErrors.badRequest('invalidBody', 'request body too large');
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return httpErrors.badRequest('invalidBody', e.message ?? 'unreadable request body');
  }
  log?.(`seller emulator: internal error: ${e.stack ?? String(err)}`);
  return httpErrors.internal('the Seller emulator hit an internal error');
}

/** Answers `err` with the spec's error body, unless an answer has already started. */
export function sendError(res: ServerResponse, err: unknown, log?: (line: string) => void): void {
  if (res.headersSent) return;
  const error = toHttpError(err, log);
  sendJson(res, error.status, error.body);
}
