import type { ServerResponse } from 'node:http';
import type { SellerContext } from '../context';
import { httpErrors } from '../http/errors';
import { sendJson } from '../http/respond';
import type { TypedQuery } from '../http/validate-request';

/** How a list filter reads the value(s) it compares from a stored resource. */
export type FieldReader<R> = (resource: R) => readonly (string | boolean | undefined)[];

/**
 * Applies the query's filters: `name` = equality (any of the values read), `name.gt` / `name.lt` =
 * date after / before. The filter names come from the spec's parameters; `readers` says where each
 * reads. `buyerId`/`sellerId`/`offset`/`limit` are not filters.
 */
export function applyFilters<R>(
  items: Iterable<R>,
  query: TypedQuery,
  readers: Readonly<Record<string, FieldReader<R>>>,
): R[] {
  const tests: ((r: R) => boolean)[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (['buyerId', 'sellerId', 'offset', 'limit'].includes(name)) continue;
    const range = /^(.*)\.(gt|lt)$/.exec(name);
    const field = range ? range[1]! : name;
    const read = readers[field];
    if (!read) throw httpErrors.badRequest('invalidQuery', `filter '${name}' is not supported`);
    if (range) {
      const bound = Date.parse(String(value));
      const after = range[2] === 'gt';
      tests.push((r) =>
        read(r).some((v) => {
          const t = typeof v === 'string' ? Date.parse(v) : NaN;
          return Number.isFinite(t) && (after ? t > bound : t < bound);
        }),
      );
    } else {
      tests.push((r) => read(r).some((v) => v === value));
    }
  }
  const out: R[] = [];
  for (const item of items) if (tests.every((t) => t(item))) out.push(item);
  return out;
}

/**
 * Pagination (§6.3): `offset`/`limit`, `X-Total-Count`, `X-Result-Count`, and `X-Pagination-Throttled` when
 * the page was cut to the Seller's maximum while more results exist. Too many matches: 422 tooManyRecords
 * ([R62]). No match: 200 with [] ([R61]).
 */
export function sendPage<R>(
  ctx: SellerContext,
  res: ServerResponse,
  matches: readonly R[],
  query: TypedQuery,
  view: (r: R) => unknown,
): void {
  const { maxPageSize, tooManyRecordsAbove } = ctx.profile.pagination;
  if (matches.length > tooManyRecordsAbove) {
    throw httpErrors.one422(
      'tooManyRecords',
      `${matches.length} records match; narrow the filters (at most ${tooManyRecordsAbove})`,
      '/',
    );
  }
  const offset = typeof query['offset'] === 'number' ? query['offset'] : 0;
  // No `limit` asks for everything: a page cut to maxPageSize is then throttled too.
  const asked = typeof query['limit'] === 'number' ? query['limit'] : Infinity;
  const limit = Math.min(asked, maxPageSize);
  const page = matches.slice(offset, offset + limit);
  const throttled = asked > maxPageSize && offset + limit < matches.length;
  sendJson(res, 200, page.map(view), {
    'X-Total-Count': String(matches.length),
    'X-Result-Count': String(page.length),
    'X-Pagination-Throttled': String(throttled),
  });
}
