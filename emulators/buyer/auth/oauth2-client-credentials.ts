import type { AuthProvider, TlsOptions } from '../http-types';
import { postForm, tokenAgent, type FormPostResult } from './token-request';

export interface OAuth2ClientCredentialsOptions {
  /** The authorization server's token endpoint (absolute http(s) URL). */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated scopes to ask for (the generated v10 security files name `default` and operationIds). */
  readonly scope?: string;
  /** Sent as `audience` (Auth0, Okta and others want it; RFC 6749 does not define it). */
  readonly audience?: string;
  /**
   * How the client authenticates to the token endpoint: `basic` (HTTP Basic, RFC 6749 §2.3.1, which every
   * server must support; the default) or `body` (`client_id` and `client_secret` form fields).
   */
  readonly clientAuth?: 'basic' | 'body';
  /** The run's TLS material, for an https token endpoint. */
  readonly tls?: TlsOptions;
  /** Real milliseconds for one token request. Default 30 000. */
  readonly timeoutMs?: number;
  /** A token counts as expired this long before `expires_in` runs out (at most a tenth of its life). Default 30 s. */
  readonly refreshSkewMs?: number;
  /** After a failed token request, further requests fail at once with the same error for this long. Default 2 s. */
  readonly retryAfterFailureMs?: number;
  /** Told every secret the provider handles (the client secret at once, each access token on arrival), so they are masked. */
  readonly registerSecret?: (secret: string) => void;
  /** Real time (tests). */
  readonly now?: () => number;
}

export interface OAuth2Stats {
  /** Token requests made (first fetch, expiry, refresh on 401). */
  readonly fetches: number;
  /** Of those, made because the API answered 401. */
  readonly refreshesOn401: number;
  readonly failures: number;
}

export interface OAuth2Provider extends AuthProvider {
  onUnauthorized(rejected?: Readonly<Record<string, string>>): Promise<boolean>;
  readonly stats: OAuth2Stats;
  /** Closes the token endpoint's connections. */
  close(): void;
}

/** A token request that failed; the message names the endpoint and what it answered (never a secret). */
export class OAuth2TokenError extends Error {
  override readonly name = 'OAuth2TokenError';
}

interface Token {
  readonly value: string;
  /** Real time after which it is renewed before use. */
  readonly renewAt: number;
}

/** `application/x-www-form-urlencoded` encoding of one value, as RFC 6749 §2.3.1 asks for Basic credentials. */
function formEncode(value: string): string {
  return new URLSearchParams([['v', value]]).toString().slice(2);
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4), the flow MEF 128.1 points to: the access token is fetched
 * on first use, cached until shortly before `expires_in`, and fetched again when the Seller answers 401
 * (the HTTP client then retries the request once). Concurrent requests share one token request.
 */
export function oauth2ClientCredentials(options: OAuth2ClientCredentialsOptions): OAuth2Provider {
  const url = new URL(options.tokenUrl);
  const where = `${url.origin}${url.pathname}`;
  const agent = tokenAgent(url, options.tls);
  const now = options.now ?? Date.now;
  const skewMs = options.refreshSkewMs ?? 30_000;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 2_000;
  const stats = { fetches: 0, refreshesOn401: 0, failures: 0 };
  options.registerSecret?.(options.clientSecret);
  let current: Token | undefined;
  let pending: Promise<Token> | undefined;
  let failure: { error: OAuth2TokenError; at: number } | undefined;

  async function fetchToken(): Promise<Token> {
    stats.fetches++;
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (options.scope) form.set('scope', options.scope);
    if (options.audience) form.set('audience', options.audience);
    const headers: Record<string, string> = {};
    if (options.clientAuth === 'body') {
      form.set('client_id', options.clientId);
      form.set('client_secret', options.clientSecret);
    } else {
      const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
      headers['authorization'] = `Basic ${Buffer.from(pair).toString('base64')}`;
    }
    const answer = await postForm(url, form, headers, { timeoutMs: options.timeoutMs ?? 30_000, agent });
    const token = readTokenAnswer(answer, where);
    options.registerSecret?.(token.value);
    const lifeMs = token.expiresIn === undefined ? Infinity : token.expiresIn * 1000;
    return { value: token.value, renewAt: now() + lifeMs - Math.min(skewMs, lifeMs / 10) };
  }

  function token(): Promise<Token> {
    if (current && now() < current.renewAt) return Promise.resolve(current);
    if (pending) return pending;
    if (failure && now() - failure.at < retryAfterFailureMs) return Promise.reject(failure.error);
    pending = fetchToken().then(
      (fresh) => {
        current = fresh;
        failure = undefined;
        return fresh;
      },
      (err: unknown) => {
        stats.failures++;
        const error =
          err instanceof OAuth2TokenError
            ? err
            : new OAuth2TokenError(`OAuth2 token request to ${where}: ${String(err)}`);
        failure = { error, at: now() };
        current = undefined;
        throw error;
      },
    );
    const clear = (): void => {
      pending = undefined;
    };
    pending.then(clear, clear);
    return pending;
  }

  return {
    stats,
    async headers() {
      return { authorization: `Bearer ${(await token()).value}` };
    },
    async onUnauthorized(rejected) {
      const used = Object.entries(rejected ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
      // Another request already renewed the token this 401 answered: retry with the new one.
      if (!pending && current && used !== undefined && used !== `Bearer ${current.value}`) return true;
      if (!pending) {
        current = undefined;
        failure = undefined;
        stats.refreshesOn401++;
      }
      try {
        await token();
        return true;
      } catch {
        return false;
      }
    },
    close: () => agent.destroy(),
  };
}

/** The access token and lifetime of a token answer (RFC 6749 §5.1), or an error saying what came instead. */
function readTokenAnswer(answer: FormPostResult, where: string): { value: string; expiresIn?: number } {
  if (answer.error)
    throw new OAuth2TokenError(`OAuth2 token request to ${where} failed: ${answer.error.message}`);
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const doc =
    json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  if (answer.status !== 200) {
    const code = typeof doc['error'] === 'string' ? ` ${doc['error']}` : '';
    const description = typeof doc['error_description'] === 'string' ? ` (${doc['error_description']})` : '';
    const raw = code ? '' : answer.body ? `: ${answer.body.slice(0, 200)}` : '';
    throw new OAuth2TokenError(
      `OAuth2 token endpoint ${where} refused the client credentials grant: HTTP ${answer.status ?? '?'}${code}${description}${raw}`,
    );
  }
  const value = doc['access_token'];
  if (typeof value !== 'string' || value.trim() === '')
    throw new OAuth2TokenError(`OAuth2 token endpoint ${where} answered 200 without an access_token`);
  const type = doc['token_type'];
  if (typeof type === 'string' && type.toLowerCase() !== 'bearer')
    throw new OAuth2TokenError(
      `OAuth2 token endpoint ${where} issued a ${type} token; only Bearer is supported`,
    );
  const expires = Number(doc['expires_in']);
  return { value, ...(doc['expires_in'] !== undefined && expires >= 0 ? { expiresIn: expires } : {}) };
}
