/**
 * Turning raw bytes into what an Exchange records, without ever throwing: invalid UTF-8 becomes
 * replacement characters (with a warning), and a content-encoded body (gzip the peer sent although we
 * asked for `identity`, or never asked) is kept as base64 rather than inflated, so a broken or hostile
 * stream cannot crash or balloon the harness.
 */
import { isUtf8 } from 'node:buffer';

export interface BodyText {
  readonly text: string;
  /** Set when the body is content-encoded and kept as base64. */
  readonly encoding?: string;
  readonly warnings: readonly string[];
}

const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

export function bodyText(bytes: Uint8Array, contentEncoding: string | undefined): BodyText {
  const coding = contentEncoding?.trim().toLowerCase();
  if (coding && coding !== 'identity' && bytes.length > 0) {
    const note = `[content-encoding ${coding}: ${bytes.length} bytes, base64]`;
    return {
      text: `${note}\n${Buffer.from(bytes).toString('base64')}`,
      encoding: coding,
      warnings: [`body is content-encoded (${coding}); kept as base64, not decoded`],
    };
  }
  // The common, valid case: a native validity check, then Buffer's decoder (a BOM kept, as ignoreBOM
  // keeps it); the lenient decoder only for broken bytes.
  if (isUtf8(bytes)) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text, warnings: [] };
  }
  return {
    text: lenient.decode(bytes),
    warnings: ['body is not valid UTF-8; invalid bytes shown as U+FFFD'],
  };
}

export type JsonParse = { readonly json: unknown } | { readonly jsonError: string } | Record<string, never>;

/** JSON of a body: nothing for an empty body, `jsonError` (never an exception) when it is not JSON. */
/** Nothing but whitespace (as `trim` counts it), found without copying a large body. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

export function parseJsonText(text: string): JsonParse {
  if (isBlank(text)) return {};
  // RFC 8259 forbids a BOM but lets parsers ignore one; the raw text keeps it as evidence.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { json: JSON.parse(source) as unknown };
  } catch (error) {
    return { jsonError: (error as { message?: string }).message ?? String(error) };
  }
}

/** Header name → value from Node's rawHeaders: lower-case names, repeated headers joined with `, `. */
export function headersFromRaw(rawHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
