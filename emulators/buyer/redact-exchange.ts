import type { Exchange, RecordedRequest, RecordedResponse } from '../../src/results';
import { base64Forms } from '../../src/util/secret-forms';

/**
 * Secrets never reach a report: every header value, URL and body recorded in an Exchange goes through
 * here. Credential-bearing headers are masked whole; any other occurrence of a known secret is masked
 * wherever it appears (a body echoing the token, a query parameter, a custom header).
 */
export const REDACTED = '***';

export const SENSITIVE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'x-access-token',
]);

export interface Redactor {
  text(value: string): string;
  url(value: string): string;
  headers(headers: Readonly<Record<string, string>>): Record<string, string>;
  exchange(exchange: Exchange): Exchange;
}

/** A secret also shows up URL-encoded (query strings) or JSON-escaped (bodies): mask those forms too. */
function variants(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    out.add(secret);
    out.add(encodeURIComponent(secret));
    const escaped = JSON.stringify(secret).slice(1, -1);
    out.add(escaped);
    // Some encoders (PHP's, for one) also escape '/' as '\/'.
    out.add(escaped.replace(/\//g, '\\/'));
    // A Seller echoing the token base64-encoded (alone, or as part of `Bearer …`).
    for (const form of base64Forms(secret)) out.add(form);
  }
  // Longest first, so a secret containing another is masked whole.
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * `secrets` is read live: a secret pushed to the same array later (an OAuth2 access token fetched during
 * the run) is masked from then on.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  let seen = -1;
  let needles: string[] = [];
  const current = (): string[] => {
    if (secrets.length !== seen) {
      needles = variants(secrets);
      seen = secrets.length;
    }
    return needles;
  };
  const text = (value: string): string =>
    current().reduce((acc, needle) => (acc.includes(needle) ? acc.split(needle).join(REDACTED) : acc), value);
  const url = (value: string): string => {
    let masked = value;
    // Only a URL with userinfo (`user:password@host`) has a password to mask: no `@`, nothing to parse.
    if (!value.includes('@')) return text(masked);
    try {
      const parsed = new URL(value);
      if (parsed.password) {
        parsed.password = REDACTED;
        masked = parsed.toString();
      }
    } catch {
      // Not an absolute URL (a listener path): only the secret strings are masked.
    }
    return text(masked);
  };
  const headers = (input: Readonly<Record<string, string>>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      out[name] = SENSITIVE_HEADERS.has(name.toLowerCase()) ? REDACTED : text(value);
    }
    return out;
  };
  const request = (r: RecordedRequest): RecordedRequest => ({
    ...r,
    url: url(r.url),
    headers: headers(r.headers),
    ...(r.body !== undefined ? { body: text(r.body) } : {}),
  });
  const response = (r: RecordedResponse): RecordedResponse => ({
    ...r,
    headers: headers(r.headers),
    ...(r.body !== undefined ? { body: text(r.body) } : {}),
  });
  const exchange = (e: Exchange): Exchange => ({
    ...e,
    request: request(e.request),
    ...(e.response ? { response: response(e.response) } : {}),
    ...(e.error ? { error: { code: e.error.code, message: text(e.error.message) } } : {}),
  });
  return { text, url, headers, exchange };
}

/** Convenience for one-off use; the client and listener keep a Redactor built once. */
export function redactExchange(exchange: Exchange, secrets: readonly string[]): Exchange {
  return createRedactor(secrets).exchange(exchange);
}
