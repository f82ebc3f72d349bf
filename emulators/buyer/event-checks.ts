import { createHash, timingSafeEqual } from 'node:crypto';

/** The listener's gatekeeping before the schema: who is calling, and what media type they send. */
export type CredentialProblem = {
  readonly code: 'missingCredentials' | 'invalidCredentials';
  readonly reason: string;
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Bearer token check; hashes compared in constant time so the token cannot be guessed by timing. */
export function checkBearer(authorization: string | undefined, token: string): CredentialProblem | undefined {
  if (!authorization?.trim()) {
    return { code: 'missingCredentials', reason: 'An Authorization: Bearer token is required' };
  }
  const match = /^bearer\s+(.+)$/i.exec(authorization.trim());
  if (!match || !timingSafeEqual(digest(match[1]!.trim()), digest(token))) {
    return { code: 'invalidCredentials', reason: 'The bearer token is not valid' };
  }
  return undefined;
}

/**
 * `application/json`, with no charset or UTF-8 (JSON is UTF-8 on the wire, RFC 8259). Where the spec
 * declares `*\/*` for an endpoint (some v10 listeners), any media type is accepted and the body is
 * judged as JSON all the same. Returns the problem, if any.
 */
export function checkContentType(
  header: string | undefined,
  declared: string | undefined,
): string | undefined {
  if (declared === '*/*') return undefined;
  if (!header?.trim()) return 'The Content-Type header is missing; expected application/json;charset=utf-8';
  const [type = '', ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') {
    return `Content-Type ${header} is not accepted; expected application/json;charset=utf-8`;
  }
  for (const param of params) {
    const [name, raw = ''] = param.split('=').map((p) => p.trim());
    const value = raw.replace(/^"(.*)"$/, '$1');
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') {
      return `charset ${value} is not accepted; JSON bodies are UTF-8`;
    }
  }
  return undefined;
}

/** An `Error` body of the notification API: `reason` is capped at the schema's 255 characters. */
export interface ErrorBody {
  readonly code: string;
  readonly reason: string;
  readonly message?: string;
}

export function errorBody(code: string, reason: string, message?: string): ErrorBody {
  const capped = reason.length > 255 ? `${reason.slice(0, 254)}…` : reason;
  return { code, reason: capped, ...(message ? { message } : {}) };
}
