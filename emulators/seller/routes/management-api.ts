import type { ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { capabilityOfOperation } from '../../../src/capabilities';
import type { SellerContext } from '../context';
import type { SellerAuth } from '../http/auth';
import type { Principal } from '../http/token-store';
import { createBodyReader, type BodyRequest } from '../http/body-reader';
import { sendError } from '../http/error-response';
import { asDocumentedError, httpErrors } from '../http/errors';
import { RouteTable, type RouteMatch } from '../http/route-table';
import { QueryValidator } from '../http/validate-request';
import { OPERATION_HANDLERS } from './handlers';
import { ownerOf, type OperationHandler } from './operation';

/** Connect-style: answers a request, or hands it on with `next()` when it is not the API's. */
export type ManagementApi = (req: BodyRequest, res: ServerResponse, next: () => void) => void;

interface Dispatch {
  readonly handler: OperationHandler;
  /** Why the profile switches the operation's capability off (501), if it does. */
  readonly disabled?: string;
}

/**
 * Every operation of the management API from one handler: a precompiled route table instead of an
 * express router per operation, and the body read without express.raw in the common case. It needs
 * nothing express adds to a request, so the server can call it before express (whose per-request set-up
 * costs about as much as the operation itself) and the express app mounts it too, answering alike.
 * Order, as with the router it replaces: authentication, route (404), body, capability (501), query,
 * owner, handler; every error answered with the spec's body.
 */
export function createManagementApi(
  ctx: SellerContext,
  auth: SellerAuth | undefined,
  log?: (line: string) => void,
): ManagementApi {
  const queries = new QueryValidator(ctx.spec);
  const readBody = createBodyReader(ctx.profile.maxBodyBytes);
  const dispatch = new Map<string, Dispatch>();
  for (const op of ctx.spec.management.operations.values()) {
    const handler = OPERATION_HANDLERS[op.operationId];
    if (!handler) continue;
    const capability = capabilityOfOperation(op.operationId);
    const disabled =
      capability && !ctx.profile.capabilities[capability]
        ? `${op.operationId} is not supported by this Seller (${capability})`
        : undefined;
    dispatch.set(op.operationId, { handler, ...(disabled ? { disabled } : {}) });
  }
  const routed = [...ctx.spec.management.operations.values()].filter((op) => dispatch.has(op.operationId));
  const table = new RouteTable(ctx.spec.version.managementBasePath, routed);

  const call = (
    req: BodyRequest,
    res: ServerResponse,
    route: RouteMatch,
    rawQuery: string,
    principal: Principal | undefined,
  ): void => {
    const { op, params } = route;
    try {
      const target = dispatch.get(op.operationId)!;
      if (target.disabled) throw httpErrors.notImplemented(target.disabled);
      const query = queries.validate(op, parseQuery(rawQuery));
      target.handler(ctx, {
        op,
        params,
        query,
        owner: auth && principal ? auth.owner(principal, res, op, params, query) : ownerOf(query),
        req,
        res,
      });
    } catch (err) {
      sendError(res, asDocumentedError(op, err), log);
    }
  };

  return (req, res, next) => {
    const target = req.url === undefined ? undefined : table.locate(req.url);
    if (!target) return next();
    let route: RouteMatch | undefined;
    let principal: Principal | undefined;
    try {
      principal = auth?.authenticate(req, res);
      route = table.match(req.method ?? '', target.path);
      if (!route) throw httpErrors.notFound(`no operation ${req.method ?? ''} ${target.path}`);
    } catch (err) {
      return sendError(res, err, log);
    }
    const found = route;
    const who = principal;
    readBody(req, res, (err) => (err ? sendError(res, err, log) : call(req, res, found, target.query, who)));
  };
}
