import { parse as legacyParseUrl } from 'node:url';
import type { OperationInfo } from '../../../src/spec';
import { httpErrors } from './errors';

/** A request addressed to the management API: its path below the base path and its raw query. */
export interface ApiTarget {
  /** Never empty: `/` for the base path itself, as express's `req.path` was in the mounted router. */
  readonly path: string;
  readonly query: string;
}

export interface RouteMatch {
  readonly op: OperationInfo;
  readonly params: Readonly<Record<string, string>>;
}

interface Route {
  readonly op: OperationInfo;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The `url` of a request split as express's `parseurl` splits it (legacy parser off the fast path). */
function splitUrl(url: string): { pathname: string; query: string } | undefined {
  if (url.charCodeAt(0) === 0x2f) {
    let q = -1;
    let plain = true;
    for (let i = 1; i < url.length && plain; i++) {
      const c = url.charCodeAt(i);
      if (c === 0x3f) {
        if (q < 0) q = i;
      } else if (c === 0x23 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) {
        plain = false;
      } else if (c === 0xa0 || c === 0xfeff) plain = false;
    }
    if (plain)
      return q < 0 ? { pathname: url, query: '' } : { pathname: url.slice(0, q), query: url.slice(q + 1) };
  }
  const parsed = legacyParseUrl(url);
  return parsed.pathname === null ? undefined : { pathname: parsed.pathname, query: parsed.query ?? '' };
}

/** Like the router's decodeParam: only text with a `%` is decoded; broken encoding names no resource. */
function decodeParam(raw: string): string {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    throw httpErrors.notFound(`Failed to decode param '${raw}'`);
  }
}

/**
 * The management API's operations as one precompiled table, matched the way the express router the
 * emulator used to mount matched them, but for case: the whole path is case-sensitive (RFC 3986), the
 * base path too (express's `app.use` was not, so `/MEFAPI/…` used to be served: a Buyer with a wrong-case
 * URL would pass here and fail against a strict Seller). One optional trailing slash, `{id}` one
 * non-empty segment, percent-decoded; HEAD answered by the GET operation.
 */
export class RouteTable {
  private readonly base: RegExp;
  private readonly byMethod = new Map<string, Route[]>();
  /** Every route, whatever its method: a broken `{id}` is a 404 before the method is looked at. */
  private readonly all: Route[] = [];

  constructor(basePath: string, operations: Iterable<OperationInfo>) {
    this.base = new RegExp(`^${escapeRegExp(basePath.replace(/\/+$/, ''))}(?:\\/$)?(?=\\/|$)`);
    for (const op of operations) {
      const names: string[] = [];
      const source = op.path
        .replace(/\/+$/, '')
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return escapeRegExp(part);
          names.push(name);
          return '([^\\/]+)';
        })
        .join('');
      const route: Route = { op, pattern: new RegExp(`^${source}(?:\\/)?$`), names };
      const method = op.method.toUpperCase();
      const list = this.byMethod.get(method) ?? [];
      list.push(route);
      this.byMethod.set(method, list);
      this.all.push(route);
    }
  }

  /** Where `url` points below the base path; undefined when it is not under the base path at all. */
  locate(url: string): ApiTarget | undefined {
    const split = splitUrl(url);
    if (!split) return undefined;
    const prefix = this.base.exec(split.pathname);
    if (!prefix) return undefined;
    return { path: split.pathname.slice(prefix[0].length) || '/', query: split.query };
  }

  /**
   * The operation for `method` at `path` (below the base path), undefined when there is none. A path
   * parameter with broken percent-encoding is a 404 whatever the method, as it was under express.
   */
  match(method: string, path: string): RouteMatch | undefined {
    const routes = this.byMethod.get(method === 'HEAD' ? 'GET' : method);
    for (const route of this.all) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < route.names.length; i++) params[route.names[i]!] = decodeParam(m[i + 1] ?? '');
      if (routes?.includes(route)) return { op: route.op, params };
    }
    return undefined;
  }
}
