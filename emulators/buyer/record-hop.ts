import type { Exchange, RecordedResponse } from '../../src/results';
import { bodyText, headersFromRaw, isBlank, parseJsonText, type JsonParse } from './body-text';
import type { TransportError } from './node-error';
import type { Redactor } from './redact-exchange';
import type { HopOutcome } from './send-once';

export interface HopContext {
  readonly id: string;
  readonly operationId?: string;
  readonly startedAt: string;
  readonly method: string;
  readonly url: string;
  readonly bodyText?: string;
  readonly maxBodyBytes: number;
  readonly redactor: Redactor;
}

export interface RecordedHop {
  readonly exchange: Exchange;
  readonly parse: JsonParse;
  readonly warnings: readonly string[];
}

function recordedRequestBody(text: string | undefined, max: number) {
  if (text === undefined) return {};
  return text.length > max ? { body: text.slice(0, max), bodyTruncated: true } : { body: text };
}

/** One hop as an Exchange (redacted), with the response JSON parsed from the redacted text. */
export function recordHop(ctx: HopContext, outcome: HopOutcome, override?: TransportError): RecordedHop {
  const warnings: string[] = [];
  let response: RecordedResponse | undefined;
  let encoded = false;
  if (outcome.response) {
    const headers = headersFromRaw(outcome.response.rawHeaders);
    const decoded = bodyText(outcome.response.body, headers['content-encoding']);
    warnings.push(...decoded.warnings);
    encoded = decoded.encoding !== undefined;
    response = {
      status: outcome.response.status,
      headers,
      body: decoded.text,
      ...(outcome.response.truncated ? { bodyTruncated: true } : {}),
    };
  }
  const error = override ?? outcome.error;
  const exchange = ctx.redactor.exchange({
    id: ctx.id,
    kind: 'request',
    ...(ctx.operationId !== undefined ? { operationId: ctx.operationId } : {}),
    startedAt: ctx.startedAt,
    durationMs: outcome.durationMs,
    request: {
      method: ctx.method,
      url: ctx.url,
      headers: outcome.sentHeaders,
      ...recordedRequestBody(ctx.bodyText, ctx.maxBodyBytes),
    },
    ...(response ? { response } : {}),
    ...(error ? { error: { code: error.code, message: error.message } } : {}),
  });
  const text = exchange.response?.body ?? '';
  let parse: JsonParse = {};
  if (!isBlank(text)) {
    if (encoded) parse = { jsonError: 'response body is content-encoded; not decoded, not parsed' };
    else if (exchange.response?.bodyTruncated) parse = { jsonError: 'response body incomplete; not parsed' };
    else parse = parseJsonText(text);
  }
  return { exchange, parse, warnings };
}
