import type { ExchangeCheck } from './check-types';
import { finding } from './check-types';

const LIST_OPS = [
  'listProductOrder',
  'listCancelProductOrder',
  'listCharge',
  'listModifyProductOrderItemRequestedDeliveryDate',
];

/**
 * Pagination headers (§6.3): a truncated page must be signalled by X-Total-Count or
 * X-Pagination-Throttled ([CR7]); X-Result-Count, when given, counts the items returned; no more items
 * than `limit` asked for.
 */
export const paginationHeaders: ExchangeCheck = {
  name: 'pagination-headers',
  operations: LIST_OPS,
  run(ctx) {
    const r = ctx.exchange.response;
    if (!r || r.status !== 200 || !Array.isArray(ctx.json)) return [];
    const out = [];
    const count = ctx.json.length;
    const total = r.headers['x-total-count'];
    const result = r.headers['x-result-count'];
    const throttled = r.headers['x-pagination-throttled'];
    if (result !== undefined && Number(result) !== count) {
      out.push(
        finding(
          ctx,
          'pagination-headers',
          'pagination.resultCount',
          `X-Result-Count is ${result} but the page has ${count} items`,
          { expected: count, actual: result, requirements: ['D5'] },
        ),
      );
    }
    if (total !== undefined && Number(total) < count) {
      out.push(
        finding(
          ctx,
          'pagination-headers',
          'pagination.totalCount',
          `X-Total-Count ${total} is less than the ${count} items returned`,
          { requirements: ['D5'] },
        ),
      );
    }
    if (total === undefined && throttled === undefined) {
      out.push(
        finding(
          ctx,
          'pagination-headers',
          'pagination.noSignal',
          'neither X-Total-Count nor X-Pagination-Throttled: a truncated page could not be told apart (CR7)',
          { severity: 'warning', requirements: ['CR7'] },
        ),
      );
    }
    const limit = Number(new URL(ctx.exchange.request.url).searchParams.get('limit') ?? NaN);
    if (Number.isFinite(limit) && count > limit) {
      out.push(
        finding(
          ctx,
          'pagination-headers',
          'pagination.overLimit',
          `asked for limit=${limit}, got ${count} items`,
          { requirements: ['D5'] },
        ),
      );
    }
    return out;
  },
};
