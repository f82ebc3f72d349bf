import type { RawBody } from './http-types';

/** Headers and body exactly as they will go on the wire, before any auth or redirect policy. */
export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

export function isRawBody(body: unknown): body is RawBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'raw' && typeof (body as { raw: unknown }).raw === 'string';
}

/** The body text to send, or undefined for no body. Throws only on values JSON cannot carry (a harness bug). */
export function serializeBody(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  if (isRawBody(body)) return body.raw;
  // Typed as string, but undefined for a function or symbol: treated as no body.
  const text: string | undefined = JSON.stringify(body);
  return text;
}

export function defaultHeaders(userAgent: string, bodyText: string | undefined): Record<string, string> {
  return {
    accept: 'application/json',
    // Compression is the peer's business to skip: we ask for none and keep what comes as is.
    'accept-encoding': 'identity',
    'user-agent': userAgent,
    ...(bodyText !== undefined
      ? { 'content-type': JSON_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(bodyText)) }
      : {}),
  };
}

/** Later layers win, names compare case-insensitively, and `null` removes a header. */
export function mergeHeaders(
  layers: readonly (Readonly<Record<string, string | null>> | undefined)[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    for (const [name, value] of Object.entries(layer ?? {})) {
      const key = name.toLowerCase();
      if (value === null) delete out[key];
      else out[key] = value;
    }
  }
  return out;
}

export function overridesAny(
  headers: Readonly<Record<string, string | null>> | undefined,
  names: readonly string[],
): boolean {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  return Object.keys(headers ?? {}).some((name) => lower.has(name.toLowerCase()));
}
