import type { Response } from 'express';

/** The media type of every body in the API (requests and responses). */
export const JSON_MEDIA_TYPE = 'application/json;charset=utf-8';

export function sendJson(
  res: Response,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.status(status);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  // Set explicitly: express's res.json would write `application/json; charset=utf-8` (with a space).
  res.setHeader('Content-Type', JSON_MEDIA_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

export function sendNoContent(res: Response): void {
  res.status(204).end();
}
