import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Response } from 'express';
import type { OperationInfo } from '../../../src/spec';
import type { SellerContext } from '../context';
import { ownerOf } from '../routes/operation';
import type { Owned } from '../state/store';
import { httpErrors } from './errors';
import { OAUTH_TOKEN_PATH, tokenEndpoint } from './oauth-token-endpoint';
import { TokenStore, type Principal } from './token-store';
import type { TypedQuery } from './validate-request';

export { OAUTH_TOKEN_PATH } from './oauth-token-endpoint';

const REALM = 'lso-seller-emulator';

/** What the routes ask of authentication once the call is known. */
export interface SellerAuth {
  /** The principal of a request with a valid bearer token; throws the spec's 401 otherwise. */
  authenticate(req: IncomingMessage, res: ServerResponse): Principal;
  /**
   * The Buyer the call speaks for: a credential bound to one Buyer speaks for it (403 `forbiddenRequester`
   * when the request names another in `buyerId`); an unbound one for the Buyer the request names. A
   * resource of another Buyer addressed by id answers 403 `accessDenied`; so does an operation outside the
   * token's scopes.
   */
  owner(
    principal: Principal,
    res: ServerResponse,
    op: OperationInfo,
    params: Readonly<Record<string, string>>,
    query: TypedQuery,
  ): Owned;
  readonly tokens: TokenStore;
}

/**
 * Mounts the profile's authentication: in `oauth2` mode, the token endpoint on `app`; the management API
 * asks `authenticate` before anything else of every request under its base path, and `owner` once the
 * operation is known. Undefined when the profile's `auth.mode` is `none`.
 *
 * Error codes, from the spec's enums: 401 `missingCredentials` without an Authorization header, 401
 * `invalidCredentials` for anything else that is not a valid token (RFC 6750's `invalid_token` in
 * `WWW-Authenticate`). 403 `accessDenied` ("Access denied") when an authenticated Buyer reaches for a
 * resource that is not its own or an operation its token's scopes do not cover; 403 `forbiddenRequester`
 * ("Forbidden requester") when the requester itself may not act as the Buyer it names.
 */
export function mountAuth(
  app: Express,
  ctx: SellerContext,
  now: () => number = Date.now,
): SellerAuth | undefined {
  const settings = ctx.profile.auth;
  if (settings.mode === 'none') return undefined;
  const tokens = new TokenStore(settings.tokens, settings.tokenTtl, now);
  if (settings.mode === 'oauth2') {
    app.post(OAUTH_TOKEN_PATH, ...tokenEndpoint(settings.clients, tokens));
    app.all(OAUTH_TOKEN_PATH, (_req, res: Response) => {
      res.status(405).setHeader('Allow', 'POST');
      res.setHeader('Content-Type', 'application/json;charset=utf-8');
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'use POST' }));
    });
  }
  return {
    tokens,
    authenticate: (req, res) => authenticate(req, res, tokens),
    owner(principal, res, op, params, query) {
      const scopes = principal.scopes;
      if (scopes && !scopes.has('default') && !scopes.has(op.operationId)) {
        res.setHeader(
          'WWW-Authenticate',
          `Bearer realm="${REALM}", error="insufficient_scope", scope="${op.operationId}"`,
        );
        throw httpErrors.forbidden('accessDenied', `the token's scopes do not cover ${op.operationId}`);
      }
      const named = ownerOf(query);
      if (
        principal.buyerId !== undefined &&
        named.buyerId !== undefined &&
        named.buyerId !== principal.buyerId
      )
        throw httpErrors.forbidden(
          'forbiddenRequester',
          `these credentials act for one Buyer and may not act for buyerId '${named.buyerId}'`,
        );
      const owner: Owned = principal.buyerId !== undefined ? { ...named, buyerId: principal.buyerId } : named;
      const id = params['id'];
      const resource = id !== undefined ? resourcesOf(ctx, op)?.get(id) : undefined;
      if (resource && resource.buyerId !== owner.buyerId)
        throw httpErrors.forbidden('accessDenied', `the resource '${id}' belongs to another Buyer`);
      return owner;
    },
  };
}

function authenticate(req: IncomingMessage, res: ServerResponse, tokens: TokenStore): Principal {
  const header = req.headers.authorization?.trim();
  if (!header) {
    res.setHeader('WWW-Authenticate', `Bearer realm="${REALM}"`);
    throw httpErrors.unauthorized('missingCredentials', 'an Authorization: Bearer token is required');
  }
  const match = /^bearer\s+(\S+)$/i.exec(header);
  const found = match ? tokens.lookup(match[1]!) : undefined;
  if (found && 'principal' in found) return found.principal;
  const why = !match
    ? 'the Authorization header does not carry a Bearer token'
    : found?.problem === 'expired'
      ? 'the access token has expired'
      : 'the access token is not known to this Seller';
  res.setHeader(
    'WWW-Authenticate',
    `Bearer realm="${REALM}", error="invalid_token", error_description="${why}"`,
  );
  throw httpErrors.unauthorized('invalidCredentials', why);
}

/** The store map an `{id}` operation addresses, by the first segment of its path. */
function resourcesOf(ctx: SellerContext, op: OperationInfo): ReadonlyMap<string, Owned> | undefined {
  const segment = op.path.split('/')[1];
  switch (segment) {
    case 'productOrder':
      return ctx.store.orders;
    case 'cancelProductOrder':
      return ctx.store.cancels;
    case 'modifyProductOrderItemRequestedDeliveryDate':
      return ctx.store.modifies;
    case 'charge':
      return ctx.store.charges;
    case 'hub':
      return ctx.store.hubs;
    default:
      return undefined;
  }
}
