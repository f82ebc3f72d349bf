import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, RecordedResponse, TransportErrorCode } from '../../src/results';
import { bodyText, headersFromRaw } from './body-text';
import { JSON_CONTENT_TYPE } from './build-request';
import type { ErrorBody } from './event-checks';
import type { BodyRead } from './read-body';
import type { Redactor } from './redact-exchange';

/**
 * Writing the listener's answer and recording both sides as an Exchange. The answer is written at the
 * Node level so the content type goes out exactly as the spec spells it (`application/json;charset=utf-8`,
 * which express's `res.json` would respell).
 */
export function writeReply(
  res: ServerResponse,
  status: number,
  body?: ErrorBody,
  headers: Readonly<Record<string, string>> = {},
): RecordedResponse {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const text = body ? JSON.stringify(body) : '';
  if (body) {
    res.setHeader('content-type', JSON_CONTENT_TYPE);
    res.setHeader('content-length', Buffer.byteLength(text));
  }
  res.end(text);
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value !== undefined) sent[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status, headers: sent, body: text };
}

export interface IncomingRecord {
  readonly id: string;
  readonly operationId?: string;
  readonly startedAt: string;
  readonly startedMs: number;
  readonly req: IncomingMessage;
  readonly read: BodyRead;
  readonly response?: RecordedResponse;
  readonly error?: { readonly code: TransportErrorCode; readonly message: string };
  readonly redactor: Redactor;
}

/**
 * Event bodies kept as evidence in the exchange, in characters. An event is a few hundred bytes; a
 * Seller posting megabytes (up to the listener's cap, or beyond it and refused) must not have each one
 * held whole in the record: the first part shows what it was. Judging uses the whole body.
 */
export const MAX_RECORDED_EVENT_CHARS = 16 * 1024;

/** The Seller's request as received (headers as sent, body as bytes decoded) plus our answer, redacted. */
export function recordIncoming(r: IncomingRecord): Exchange {
  const headers = headersFromRaw(r.req.rawHeaders);
  const decoded = bodyText(
    r.read.bytes.subarray(0, MAX_RECORDED_EVENT_CHARS * 4),
    headers['content-encoding'],
  );
  const cut =
    decoded.text.length > MAX_RECORDED_EVENT_CHARS || r.read.bytes.length > MAX_RECORDED_EVENT_CHARS * 4;
  const text = cut ? decoded.text.slice(0, MAX_RECORDED_EVENT_CHARS) : decoded.text;
  const host = headers['host'] ?? 'localhost';
  return r.redactor.exchange({
    id: r.id,
    kind: 'notification',
    ...(r.operationId !== undefined ? { operationId: r.operationId } : {}),
    startedAt: r.startedAt,
    durationMs: Math.round((performance.now() - r.startedMs) * 10) / 10,
    request: {
      method: r.req.method ?? 'GET',
      url: `http://${host}${r.req.url ?? '/'}`,
      headers,
      ...(r.read.bytes.length > 0 || r.read.truncated ? { body: text } : {}),
      ...(r.read.truncated || cut ? { bodyTruncated: true } : {}),
    },
    ...(r.response ? { response: r.response } : {}),
    ...(r.error ? { error: r.error } : {}),
  });
}
