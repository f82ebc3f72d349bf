import type { Request } from 'express';
import { httpErrors } from './errors';

/** True for `application/json` with or without parameters, and `+json` suffixes (merge-patch). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Parses a JSON request body that express.raw has collected as a Buffer. Wrong content type,
 * invalid UTF-8/JSON or a non-object top level are `400 invalidBody`, never a crash.
 */
export function readJsonObject(req: Request): Record<string, unknown> {
  const raw: unknown = req.body;
  const size = Buffer.isBuffer(raw) ? raw.length : 0;
  if (size === 0) throw httpErrors.badRequest('invalidBody', 'a JSON request body is required');
  if (!isJsonContentType(req.headers['content-type'])) {
    throw httpErrors.badRequest(
      'invalidBody',
      `content type must be application/json;charset=utf-8, got '${req.headers['content-type'] ?? '(none)'}'`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse((raw as Buffer).toString('utf8'));
  } catch (err) {
    throw httpErrors.badRequest('invalidBody', `body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw httpErrors.badRequest('invalidBody', 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
