/**
 * A curl command line that replays a recorded request, for the HTML report. Quoting is for POSIX shells
 * (bash, zsh); Windows users run it from Git Bash or WSL.
 */
import type { RecordedRequest } from '../results/model';

/**
 * Headers curl sets itself or that would change what comes back: a stale content-length breaks the
 * request, host follows the URL, and accept-encoding would print a gzip body to the terminal.
 */
const SKIPPED_HEADERS = new Set([
  'content-length',
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'accept-encoding',
]);

// eslint-disable-next-line no-control-regex -- control characters are what needs the $'…' form
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Single quotes keep everything literal except the quote itself (closed, escaped, reopened: `'\''`).
 * Control characters, which a terminal would act on when pasted, switch to bash's `$'…'` with `\xNN`.
 */
export function shellQuote(value: string): string {
  if (value.search(CONTROL) === -1) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value
    .replace(/[\\']/g, (c) => `\\${c}`)
    .replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `$'${escaped}'`;
}

export interface CurlOptions {
  /** Bodies longer than this are referenced as `@request-body` instead of inlined. */
  readonly maxInlineBody?: number;
}

/** `curl -X POST 'url' -H 'name: value' --data-binary 'body'` on one line. */
export function toCurl(request: RecordedRequest, options: CurlOptions = {}): string {
  const method = /^[A-Za-z]+$/.test(request.method)
    ? request.method.toUpperCase()
    : shellQuote(request.method);
  const parts = ['curl', '-X', method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    // `-H 'x:'` would remove the header; `-H 'x;'` is curl's way to send it empty.
    parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  if (request.body !== undefined && request.body !== '') {
    const max = options.maxInlineBody ?? Infinity;
    parts.push('--data-binary', request.body.length > max ? '@request-body' : shellQuote(request.body));
  }
  return parts.join(' ');
}
