import { isoNow, ScaledClock } from '../../src/clock';
import type { Exchange } from '../../src/results';
import { createAgents } from './agents';
import { defaultHeaders, mergeHeaders, overridesAny, serializeBody } from './build-request';
import type { AuthProvider, HttpClient, HttpClientOptions, HttpRequest, SendResult } from './http-types';
import { createIdGenerator } from './ids';
import { mapNodeError, type TransportError } from './node-error';
import { recordHop, type RecordedHop } from './record-hop';
import { createRedactor } from './redact-exchange';
import { sendOnce, type HopOutcome, type HopRequest } from './send-once';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The Buyer's HTTP client. Plays against a Seller that may be half-built or hostile, so it owns every
 * limit itself (Node `http`, not fetch): one timeout over connect + headers + body, a body cap, no
 * silent decompression or redirects, and every outcome (refused, reset, garbage) returned as data.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 0;
  const ids = options.ids ?? createIdGenerator();
  const clock = options.clock ?? new ScaledClock();
  const redactor = createRedactor(options.secrets ?? []);
  const agents = createAgents(options);
  const userAgent = options.userAgent ?? 'lso-harness';

  /** A reset on a pooled socket is the pool's race with the server's idle timeout: retry once, fresh. */
  async function hopWithPoolRetry(hop: HopRequest, warnings: string[]): Promise<HopOutcome> {
    const outcome = await sendOnce(hop);
    if (outcome.error?.code !== 'connectionReset' || !outcome.reusedSocket || outcome.response)
      return outcome;
    warnings.push('a pooled keep-alive connection was reset before any response; retried on a new one');
    return sendOnce(hop);
  }

  async function run(request: HttpRequest, preceding: Exchange[], warnings: string[]): Promise<SendResult> {
    let url = new URL(request.url);
    let method = request.method.toUpperCase();
    let bodyText = serializeBody(request.body);
    let refreshed = false;
    let redirects = 0;
    for (;;) {
      const authHeaders = request.auth === false ? {} : ((await options.auth?.headers()) ?? {});
      const headers = mergeHeaders([defaultHeaders(userAgent, bodyText), authHeaders, request.headers]);
      const startedAt = isoNow(clock);
      const hop: HopRequest = {
        method,
        url,
        headers,
        ...(bodyText !== undefined ? { body: Buffer.from(bodyText) } : {}),
        timeoutMs: request.timeoutMs ?? timeoutMs,
        maxBodyBytes,
        ...(request.signal ? { signal: request.signal } : {}),
        agent: agents.forUrl(url),
      };
      const outcome = await hopWithPoolRetry(hop, warnings);
      const ctx = { id: ids(), operationId: request.operationId, startedAt, method, url: url.href, bodyText };
      const record = (override?: TransportError): RecordedHop =>
        recordHop({ ...ctx, maxBodyBytes, redactor }, outcome, override);
      const status = outcome.response?.status;

      const auth = request.auth === false ? undefined : options.auth;
      if (
        status === 401 &&
        !refreshed &&
        auth?.onUnauthorized &&
        !overridesAny(request.headers, Object.keys(authHeaders))
      ) {
        refreshed = true;
        if (await refreshCredentials(auth, authHeaders)) {
          keep(record());
          continue;
        }
      }

      const location = headerOf(outcome, 'location');
      if (status !== undefined && REDIRECTS.has(status) && location !== undefined && maxRedirects > 0) {
        const next = safeUrl(location, url);
        if (!next || next.origin !== url.origin) {
          warnings.push(`redirect to another origin not followed: ${redactor.url(location)}`);
        } else if (redirects >= maxRedirects) {
          return finish(record({ code: 'tooManyRedirects', message: `more than ${maxRedirects} redirects` }));
        } else {
          keep(record());
          redirects += 1;
          url = next;
          // As browsers and curl do: 303 (and 301/302 after a POST) become a GET without a body.
          if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
            method = 'GET';
            bodyText = undefined;
          }
          continue;
        }
      }
      return finish(record());
    }

    function keep(hop: RecordedHop): void {
      warnings.push(...hop.warnings);
      preceding.push(hop.exchange);
    }

    function finish(hop: RecordedHop): SendResult {
      warnings.push(...hop.warnings);
      return { exchange: hop.exchange, preceding, ...hop.parse, warnings };
    }
  }

  async function send(request: HttpRequest): Promise<SendResult> {
    const preceding: Exchange[] = [];
    const warnings: string[] = [];
    try {
      return await run(request, preceding, warnings);
    } catch (error) {
      // Not the target's doing (bad URL, unserialisable body, credentials provider failing), but still
      // an answer rather than a rejection: the runner decides it is an errored step.
      const failure = mapNodeError(error);
      const exchange = redactor.exchange({
        id: ids(),
        kind: 'request',
        ...(request.operationId !== undefined ? { operationId: request.operationId } : {}),
        startedAt: isoNow(clock),
        durationMs: 0,
        request: { method: request.method.toUpperCase(), url: request.url, headers: {} },
        error: { code: 'network', message: `request not sent: ${failure.message}` },
      });
      return { exchange, preceding, warnings };
    }
  }

  return { send, close: () => agents.destroy() };
}

/** A provider that fails to refresh means "no retry", not a crash. */
async function refreshCredentials(auth: AuthProvider, used: Record<string, string>): Promise<boolean> {
  try {
    return (await auth.onUnauthorized?.(used)) === true;
  } catch {
    return false;
  }
}

function headerOf(outcome: HopOutcome, name: string): string | undefined {
  const raw = outcome.response?.rawHeaders ?? [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return raw[i + 1];
  return undefined;
}

function safeUrl(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}
