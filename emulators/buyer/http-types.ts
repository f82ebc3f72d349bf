import type { Clock } from '../../src/clock';
import type { Exchange } from '../../src/results';
import type { IdGenerator } from './ids';

/** A body sent byte for byte (malformed JSON on purpose, a form, …) instead of JSON-serialised. */
export interface RawBody {
  readonly raw: string;
}

export interface HttpRequest {
  readonly method: string;
  /** Absolute http(s) URL, query string included. */
  readonly url: string;
  /** Override the defaults and the auth headers; `null` removes a header the client would send. */
  readonly headers?: Readonly<Record<string, string | null>>;
  /** JSON-serialised as sent, unless a `{ raw }` object (exactly one key, `raw`, a string). */
  readonly body?: unknown;
  readonly operationId?: string;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** `false` sends no credentials (and never retries on 401): for scenarios probing authentication. */
  readonly auth?: boolean;
}

export interface SendResult {
  /** The final exchange (after redirects and a credentials refresh, when those happened). Redacted. */
  readonly exchange: Exchange;
  /** Exchanges that led to `exchange` within this send (redirect hops, the 401 before a refresh). */
  readonly preceding: readonly Exchange[];
  /** The response body parsed (from the redacted text), when non-empty and JSON. */
  readonly json?: unknown;
  /** Why a non-empty body was not parsed (not JSON, truncated, content-encoded). */
  readonly jsonError?: string;
  /** Transport oddities worth a finding (invalid UTF-8, unasked compression, cross-origin redirect). */
  readonly warnings: readonly string[];
}

/** Credentials (`bearerAuth`, `oauth2ClientCredentials` in `./auth`). */
export interface AuthProvider {
  headers(): Promise<Record<string, string>>;
  /**
   * Called once on a 401; resolve `true` when fresh credentials are worth one retry. `rejected`: the auth
   * headers that 401 answered (a provider that renewed them since can say `true` without renewing again).
   */
  onUnauthorized?(rejected?: Readonly<Record<string, string>>): Promise<boolean>;
}

/** Passed through to the https agent. */
export interface TlsOptions {
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  readonly pfx?: string | Buffer;
  readonly passphrase?: string;
  readonly rejectUnauthorized?: boolean;
  readonly servername?: string;
}

export interface HttpClientOptions {
  /** Per request: connect + headers + whole body, in real milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  /** Response body cap in bytes. Default 5 MB. */
  readonly maxBodyBytes?: number;
  /** Same-origin redirects to follow. Default 0: a 3xx is recorded as is. */
  readonly maxRedirects?: number;
  readonly auth?: AuthProvider;
  /** Strings masked wherever they appear in recorded exchanges. */
  readonly secrets?: readonly string[];
  readonly ids?: IdGenerator;
  /** Stamps `startedAt`; durations are wall time. */
  readonly clock?: Clock;
  readonly tls?: TlsOptions;
  readonly userAgent?: string;
  readonly keepAlive?: boolean;
}

export interface HttpClient {
  /** Never rejects: whatever the target does ends up in the exchange (`error.code`, status, body). */
  send(request: HttpRequest): Promise<SendResult>;
  /** Closes the keep-alive sockets. */
  close(): void;
}
