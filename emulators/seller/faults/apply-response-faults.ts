import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { SellerContext } from '../context';
import { WIRE_FAULTS, type Incoming, type Json, type Outgoing } from './wire-faults';

/** Which management operation a request addresses (method + path template from the spec). */
function operationMatcher(ctx: SellerContext): (method: string, path: string) => string | undefined {
  const routes = [...ctx.spec.management.operations.values()].map((op) => ({
    id: op.operationId,
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return (method, path) => routes.find((r) => r.method === method && r.pattern.test(path))?.id;
}

function lastSegment(path: string): string {
  const raw = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Express middleware, mounted before the API router at the management base path when the profile names
 * faults: applies the active wire faults to each request and to its answer. A faithful Seller never mounts it.
 */
export function applyResponseFaults(ctx: SellerContext): RequestHandler {
  const active = ctx.profile.faults.flatMap((name) => WIRE_FAULTS[name] ?? []);
  const operationOf = operationMatcher(ctx);
  return (req: Request, res: Response, next: NextFunction) => {
    if (active.length === 0) return next();
    const url = new URL(req.url, 'http://seller.invalid');
    const op = operationOf(req.method, url.pathname);
    const memo: Json = {};
    const call: Incoming = {
      ...(op ? { op } : {}),
      query: url.searchParams,
      pathId: lastSegment(url.pathname),
      memo,
    };
    const heard = call.query.toString();
    for (const f of active) f.request?.(call, ctx);
    const search = call.query.toString();
    // Only the query changes: the path goes on as the client wrote it.
    if (search !== heard) req.url = `${req.url.split('?')[0] ?? ''}${search ? `?${search}` : ''}`;

    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk.toString() : undefined;
      const type = res.getHeader('content-type');
      const answer: Outgoing = {
        ...(op ? { op } : {}),
        memo,
        status: res.statusCode,
        body: text !== undefined ? parseJson(text) : undefined,
        ...(typeof type === 'string' ? { contentType: type } : {}),
        headers: {},
      };
      const before = JSON.stringify(answer.body);
      for (const f of active) f.response?.(answer);
      res.statusCode = answer.status;
      for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
      if (answer.contentType !== undefined) res.setHeader('Content-Type', answer.contentType);
      const after = JSON.stringify(answer.body);
      const out = answer.body !== undefined && after !== before ? after : text;
      if (out === undefined) return end(chunk, ...rest);
      res.setHeader('Content-Length', Buffer.byteLength(out));
      return end(out, ...rest.filter((r) => typeof r === 'function'));
    }) as typeof res.end;
    next();
  };
}
