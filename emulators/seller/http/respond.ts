import type { ServerResponse } from 'node:http';

/** The media type of every body in the API (requests and responses). */
export const JSON_MEDIA_TYPE = 'application/json;charset=utf-8';

/**
 * Headers go through setHeader, not writeHead's argument: the Buyer recorder and the wire faults read
 * them back with getHeader(s), which a writeHead object bypasses.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  if (headers) for (const k of Object.keys(headers)) res.setHeader(k, headers[k]!);
  // Set explicitly: express's res.json would write `application/json; charset=utf-8` (with a space).
  res.setHeader('Content-Type', JSON_MEDIA_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  res.statusCode = 204;
  res.end();
}
