import * as http from 'node:http';
import * as https from 'node:https';
import { mapNodeError, type TransportError } from './node-error';

/** One HTTP request/response on the wire, with no policy (auth, redirects, recording) on top. */
export interface HopRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly signal?: AbortSignal;
  readonly agent: http.Agent;
}

export interface HopResponse {
  readonly status: number;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  /** The body recorded is not the whole body (cap hit, reset, timeout). */
  readonly truncated: boolean;
}

export interface HopOutcome {
  /** Headers as actually sent (lower-case names; Node adds `host`). */
  readonly sentHeaders: Record<string, string>;
  readonly response?: HopResponse;
  readonly error?: TransportError;
  readonly durationMs: number;
  /** The request went out on a pooled keep-alive socket (a reset may be the pool's, not the peer's). */
  readonly reusedSocket: boolean;
}

/**
 * The headers as Node sent them: the ones given, by lower-case name (a later one of the same name wins,
 * as with setHeader), then the `host` Node adds when none was given. What `req.getHeaders()` holds, read
 * without copying Node's header table for every request.
 */
export function sentHeaderRecord(
  given: Readonly<Record<string, string>>,
  req: http.ClientRequest,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(given)) out[name.toLowerCase()] = String(given[name]);
  if (out['host'] === undefined) {
    const host = req.getHeader('host');
    if (host !== undefined) out['host'] = Array.isArray(host) ? host.join(', ') : String(host);
  }
  return out;
}

export function sendOnce(hop: HopRequest): Promise<HopOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let head: { status: number; rawHeaders: string[] } | undefined;
    let complete = false;
    let truncated = false;
    let settled = false;
    let req: http.ClientRequest | undefined;

    const finish = (error?: TransportError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      hop.signal?.removeEventListener('abort', onAbort);
      if (error) req?.destroy();
      const outcome: { -readonly [K in keyof HopOutcome]: HopOutcome[K] } = {
        sentHeaders: req ? sentHeaderRecord(hop.headers, req) : { ...hop.headers },
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        reusedSocket: req?.reusedSocket ?? false,
      };
      if (head) {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        outcome.response = { ...head, body, truncated: truncated || !complete };
      }
      if (error) outcome.error = error;
      resolve(outcome);
    };
    const onAbort = (): void => finish({ code: 'aborted', message: 'request aborted by the harness' });
    const timer = setTimeout(
      () => finish({ code: 'timeout', message: `no complete response within ${hop.timeoutMs} ms` }),
      hop.timeoutMs,
    );

    try {
      const client = hop.url.protocol === 'https:' ? https : http;
      req = client.request(hop.url, { method: hop.method, headers: hop.headers, agent: hop.agent });
    } catch (error) {
      // Invalid header values or an unsupported URL: the request never left.
      return finish(mapNodeError(error));
    }
    // Listening first: destroying a request (an abort) emits 'error', and one nobody hears crashes the process.
    req.on('error', (error) => finish(mapNodeError(error)));
    if (hop.signal?.aborted) return onAbort();
    hop.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('response', (res) => {
      head = { status: res.statusCode ?? 0, rawHeaders: res.rawHeaders };
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = hop.maxBodyBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          size += room;
          truncated = true;
          return finish({ code: 'bodyTooLarge', message: `response body exceeds ${hop.maxBodyBytes} bytes` });
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        complete = true;
        finish();
      });
      res.on('error', (error) => {
        const mapped = mapNodeError(error);
        finish({ ...mapped, code: mapped.code === 'protocol' ? 'protocol' : 'connectionReset' });
      });
      res.on('close', () => {
        if (!complete)
          finish({ code: 'connectionReset', message: 'connection closed before the body was complete' });
      });
    });
    try {
      req.end(hop.body);
    } catch (error) {
      // A caller-forced content-length that the body contradicts, for instance.
      finish(mapNodeError(error));
    }
  });
}
