import express, { type Request, type RequestHandler, type Response } from 'express';
import type { AuthClient } from '../profile/profile-types';
import { JSON_MEDIA_TYPE } from './respond';
import { sameSecret, type TokenStore } from './token-store';

/** Outside the MEF base path (like the control API), so it is never mistaken for part of the API. */
export const OAUTH_TOKEN_PATH = '/_lso/oauth/token';

/** RFC 6749 §5.2 error codes the endpoint answers with. */
type OAuthError =
  'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'unauthorized_client';

function reply(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.status(status);
  // RFC 6749 §5.1: token responses must not be cached.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Type', JSON_MEDIA_TYPE);
  res.end(text);
}

function fail(res: Response, status: 400 | 401, error: OAuthError, description: string, basic = false): void {
  reply(
    res,
    status,
    { error, error_description: description },
    basic ? { 'WWW-Authenticate': 'Basic realm="lso-seller-emulator"' } : {},
  );
}

/** `application/x-www-form-urlencoded` decoding of one Basic credential part (RFC 6749 §2.3.1). */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

interface ClientCredentials {
  readonly id: string;
  readonly secret: string;
  readonly basic: boolean;
}

/** The client's credentials from HTTP Basic or the form body; a string says what is wrong. */
function credentialsOf(req: Request, form: URLSearchParams): ClientCredentials | string | undefined {
  const header = req.headers.authorization?.trim();
  const inBody = form.has('client_id') || form.has('client_secret');
  if (header) {
    if (inBody) return 'use one client authentication method: HTTP Basic or the form body, not both';
    const match = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (!match) return 'the Authorization header is not HTTP Basic credentials';
    const text = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0) return 'the Basic credentials have no ":" between client id and secret';
    return { id: formDecode(text.slice(0, colon)), secret: formDecode(text.slice(colon + 1)), basic: true };
  }
  if (!inBody) return undefined;
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '', basic: false };
}

/**
 * The client credentials grant (RFC 6749 §4.4): `POST` a form with `grant_type=client_credentials`,
 * the client authenticated by HTTP Basic or `client_id`/`client_secret` in the body, an optional `scope`
 * (space-separated) and `audience` (accepted, not checked). Answers a bearer token with `expires_in`.
 */
export function tokenEndpoint(clients: readonly AuthClient[], tokens: TokenStore): RequestHandler[] {
  const handle: RequestHandler = (req, res) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded')
      return fail(res, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
    const body: unknown = req.body;
    const form = new URLSearchParams(Buffer.isBuffer(body) ? body.toString('utf8') : '');
    const grant = form.get('grant_type');
    if (!grant) return fail(res, 400, 'invalid_request', 'grant_type is missing');
    if (grant !== 'client_credentials')
      return fail(res, 400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
    const creds = credentialsOf(req, form);
    if (typeof creds === 'string') return fail(res, 400, 'invalid_request', creds);
    if (!creds) return fail(res, 401, 'invalid_client', 'no client authentication', true);
    const client = clients.find((c) => c.clientId === creds.id);
    // One answer for an unknown id and a wrong secret, compared in constant time either way.
    const ok = sameSecret(client?.clientSecret ?? '\u0000', creds.secret) && client !== undefined;
    if (!ok) return fail(res, 401, 'invalid_client', 'client authentication failed', creds.basic);
    const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
    const refused = client.scopes ? asked.filter((s) => !client.scopes!.includes(s)) : [];
    if (refused.length > 0)
      return fail(res, 400, 'invalid_scope', `scope not granted to this client: ${refused.join(' ')}`);
    const granted = asked.length > 0 ? asked : client.scopes;
    const issued = tokens.issue({
      subject: client.clientId,
      ...(client.buyerId ? { buyerId: client.buyerId } : {}),
      ...(granted ? { scopes: new Set(granted) } : {}),
    });
    reply(res, 200, {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      ...(granted ? { scope: granted.join(' ') } : {}),
    });
  };
  return [express.raw({ type: () => true, limit: '16kb' }), handle];
}
