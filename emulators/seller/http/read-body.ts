import type { BodyRequest } from './body-reader';
import { httpErrors } from './errors';

/** Deeper than any MEF payload; deep enough JSON would overflow the stack when the echo is serialised. */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for `application/json` with or without parameters, and `+json` suffixes (merge-patch). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** How deeply arrays and objects nest in JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/**
 * Parses a JSON request body that the body reader has collected as a Buffer. Wrong content type,
 * invalid UTF-8/JSON, nesting deeper than MAX_JSON_DEPTH or a non-object top level are
 * `400 invalidBody`, never a crash.
 */
export function readJsonObject(req: BodyRequest): Record<string, unknown> {
  const raw: unknown = req.body;
  const size = Buffer.isBuffer(raw) ? raw.length : 0;
  if (size === 0) throw httpErrors.badRequest('invalidBody', 'a JSON request body is required');
  if (!isJsonContentType(req.headers['content-type'])) {
    throw httpErrors.badRequest(
      'invalidBody',
      `content type must be application/json;charset=utf-8, got '${req.headers['content-type'] ?? '(none)'}'`,
    );
  }
  let text: string;
  try {
    text = utf8.decode(raw as Buffer);
  } catch {
    throw httpErrors.badRequest('invalidBody', 'body is not valid UTF-8');
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw httpErrors.badRequest('invalidBody', `body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw httpErrors.badRequest('invalidBody', `body is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw httpErrors.badRequest('invalidBody', 'body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
