import type { ExchangeCheck } from './check-types';
import { finding } from './check-types';

const BY_ID = [
  'retrieveProductOrder',
  'patchProductOrder',
  'retrieveCancelProductOrder',
  'retrieveModifyProductOrderItemRequestedDeliveryDate',
  'retrieveCharge',
  'patchCharge',
  'retrieveHub',
];

/** A resource fetched by id carries that id ([R19]: ids never change). */
export const idMatchesPath: ExchangeCheck = {
  name: 'id-matches-path',
  operations: BY_ID,
  run(ctx) {
    if (ctx.exchange.response?.status !== 200) return [];
    const body = ctx.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
    const path = new URL(ctx.exchange.request.url).pathname;
    const asked = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    if (body['id'] === asked) return [];
    return [
      finding(
        ctx,
        'id-matches-path',
        'id.changed',
        `asked for id '${asked}', got a resource with id '${String(body['id'])}'`,
        {
          expected: asked,
          actual: body['id'],
          requirements: ['R19'],
          pointer: '/id',
        },
      ),
    ];
  },
};

/** A list answers only with items that match the filters the Buyer gave (state, externalId, …). */
export const listHonoursFilters: ExchangeCheck = {
  name: 'list-honours-filters',
  operations: [
    'listProductOrder',
    'listCancelProductOrder',
    'listModifyProductOrderItemRequestedDeliveryDate',
  ],
  run(ctx) {
    if (ctx.exchange.response?.status !== 200 || !Array.isArray(ctx.json)) return [];
    const params = new URL(ctx.exchange.request.url).searchParams;
    const out = [];
    for (const key of ['state', 'externalId', 'projectId', 'cancellationReasonType']) {
      const wanted = params.get(key);
      if (wanted === null) continue;
      const bad = (ctx.json as Record<string, unknown>[]).findIndex(
        (item) => item && item[key] !== undefined && item[key] !== wanted,
      );
      if (bad >= 0) {
        out.push(
          finding(
            ctx,
            'list-honours-filters',
            'list.filterIgnored',
            `filtered on ${key}=${wanted} but item ${bad} has ${key}=${JSON.stringify((ctx.json as Record<string, unknown>[])[bad]?.[key])}`,
            {
              pointer: `/${bad}/${key}`,
              requirements: ['R60'],
            },
          ),
        );
      }
    }
    const productOrderId = params.get('productOrderId');
    if (productOrderId !== null) {
      const bad = (ctx.json as Record<string, Record<string, unknown> | undefined>[]).findIndex(
        (item) =>
          item?.['productOrder']?.['productOrderId'] !== undefined &&
          item['productOrder']['productOrderId'] !== productOrderId,
      );
      if (bad >= 0)
        out.push(
          finding(
            ctx,
            'list-honours-filters',
            'list.filterIgnored',
            `filtered on productOrderId=${productOrderId} but item ${bad} is for another order`,
            { pointer: `/${bad}/productOrder/productOrderId` },
          ),
        );
    }
    return out;
  },
};
