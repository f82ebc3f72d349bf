/**
 * The Buyer-side checks on recorded requests, one rule at a time: the reference Buyer's order passes them
 * all; each deliberate mistake is named with its requirement; a charge answer is judged whole, in time and
 * once; hub ids are the Seller's; a refusal nothing explains still fails, unless the Buyer only looked up an
 * id the harness made up.
 */
import * as path from 'node:path';
import type { DeliveryAttempt } from '../../emulators/seller/notify/dispatcher';
import { orderBody, readOrderFixture } from '../../emulators/buyer/reference';
import type { RecordedBuyerRequest } from '../../emulators/seller/record';
import {
  judgeBuyerConversation,
  judgeBuyerRequest,
  judgeDelivery,
  type SellerFacts,
} from '../../src/check/buyer';
import { loadApiSpec, ProductSchemaRegistry, type ApiSpec } from '../../src/spec';
import { ROOT } from '../support/run-bin';

let spec: ApiSpec;
const products = new ProductSchemaRegistry();
const order = readOrderFixture(path.join(ROOT, 'scenarios/fixtures/orders/buyer/uni-install.json')).order!;
const T0 = Date.parse('2030-01-01T00:00:00.000Z');

beforeAll(async () => {
  spec = await loadApiSpec('sonata-v11');
});

let seq = 0;
function record(
  operationId: string,
  json: unknown,
  extra: Partial<RecordedBuyerRequest> = {},
): RecordedBuyerRequest {
  seq += 1;
  return {
    seq,
    id: `br-${seq}`,
    at: T0 + seq,
    method: 'POST',
    url: 'http://127.0.0.1/x',
    path: '/x',
    operationId,
    params: {},
    query: {},
    headers: { 'content-type': 'application/json;charset=utf-8' },
    bodyText: JSON.stringify(json),
    json,
    status: 201,
    responseHeaders: {},
    durationMs: 1,
    ...extra,
  };
}

const facts = (over: Partial<SellerFacts> = {}): SellerFacts => ({
  charge: () => ({ responseDueDate: new Date(T0 + 1000).toISOString(), itemIds: ['1', '2'] }),
  chargesOffered: true,
  madeUpIds: new Set(),
  ...over,
});

function codes(r: RecordedBuyerRequest, all: RecordedBuyerRequest[] = [r], seller = facts()): string[] {
  return judgeBuyerRequest({ spec, products, record: r, all, seller })
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.requirements.join(',')}`);
}

test("the reference Buyer's order breaks no rule", () => {
  expect(codes(record('createProductOrder', orderBody(order, [])))).toEqual([]);
});

test.each([
  ['bad-body', 'buyer.schema.enum R7'],
  ['no-order-contact', 'buyer.contact.order R11'],
  ['no-item-contact', 'buyer.contact.item R12'],
  ['seller-attribute', 'buyer.sellerOnlyAttribute R8'],
  ['add-with-product-id', 'buyer.add.productId R37'],
  ['delete-with-attributes', 'buyer.delete.extraAttribute R46'],
] as const)('create with the %s mistake: %s', (fault, expected) => {
  expect(codes(record('createProductOrder', orderBody(order, [fault]), { status: 422 }))).toContain(expected);
});

test('an add item without term, offering, billing account or configuration, and a dangling relationship', () => {
  const body = structuredClone(order) as { productOrderItem: Record<string, unknown>[] };
  const item = body.productOrderItem[0]!;
  delete item['requestedItemTerm'];
  delete item['billingAccount'];
  item['product'] = {
    productConfiguration: {
      '@type': 'urn:mef:lso:spec:sonata:carrier-ethernet-operator-uni:v5.0.0:all',
      linkOam: 'SOMETIMES',
    },
  };
  item['productOrderItemRelationship'] = [{ id: 'item-9', relationshipType: 'reliesOn' }];
  const got = codes(record('createProductOrder', body));
  for (const c of [
    'buyer.add.noItemTerm R35',
    'buyer.add.noBillingAccount R34',
    'buyer.add.noOffering R33',
    'buyer.configuration.invalid R6',
    'buyer.item.relationship R13,R32',
  ])
    expect(got).toContain(c);
});

describe('charge answers', () => {
  const charge = (items: string[], at = T0 + 10): RecordedBuyerRequest =>
    record(
      'patchCharge',
      { chargeItem: items.map((id) => ({ id, acceptanceIndicator: 'accepted' })) },
      { method: 'PATCH', params: { id: 'c-1' }, status: 200, at },
    );

  test('every item at once, in time: nothing to say', () => {
    expect(codes(charge(['1', '2']))).toEqual([]);
  });
  test('one item of two (R96, R97)', () => {
    expect(codes(charge(['1']))).toContain('buyer.charge.partial R96,R97');
  });
  test('after the responseDueDate (R96, R97)', () => {
    expect(codes(charge(['1', '2'], T0 + 5000))).toContain('buyer.charge.late R96,R97');
  });
  test('a second answer to the same charge (R97)', () => {
    const first = charge(['1', '2']);
    const second = charge(['1', '2']);
    expect(codes(second, [first, second])).toContain('buyer.charge.repeated R97');
  });
});

test('cancel and delivery-date requests: contact, own order, something asked (R75, R76, R68)', () => {
  const created = record('createProductOrder', order, {
    responseJson: { id: 'o-1', productOrderItem: [{ id: 'item-1' }] },
  });
  const cancel = record('createCancelProductOrder', {
    productOrder: { productOrderId: 'o-2' },
    relatedContactInformation: [{ name: 'n', emailAddress: 'e@x', number: '1', role: 'other' }],
  });
  expect(codes(cancel, [created, cancel])).toEqual(
    expect.arrayContaining(['buyer.cancel.foreignOrder R75', 'buyer.cancel.noContact R76']),
  );
  const modify = record('createModifyProductOrderItemRequestedDeliveryDate', {
    productOrderItem: { productOrderId: 'o-1', productOrderItemId: 'item-1' },
  });
  expect(codes(modify, [created, modify])).toContain('buyer.modify.nothingAsked R65,R68');
});

test("hubs: the Seller's id to unregister (R106); a registration without chargeCreateEvent (R89, R105)", () => {
  const hub = record(
    'registerListener',
    { callback: 'http://127.0.0.1:1', query: 'eventType=productOrderStateChangeEvent' },
    { responseJson: { id: 'h-1' } },
  );
  const bye = record('unregisterListener', undefined, {
    method: 'DELETE',
    params: { id: 'h-9' },
    status: 404,
  });
  expect(codes(bye, [hub, bye])).toEqual(['buyer.hub.unknownId R106']);
  const conversation = judgeBuyerConversation({
    spec,
    seller: facts(),
    requests: [hub],
    claimedRequests: new Set([hub.seq]),
    deliveries: [],
    claimedEvents: new Set(),
    listenerUntil: T0 + 10_000,
    exchangeIdOf: () => 'ex-1',
  });
  expect(conversation.map((f) => f.code)).toEqual(['buyer.hub.noChargeCreateEvent']);
  expect(codes(record('registerListener', { callback: 'not a url', query: 'state=x' }))).toEqual([
    'buyer.hub.callback R7',
    'buyer.hub.query R7',
  ]);
});

test('a refusal no rule explains still fails, but not a lookup of an id the harness made up', () => {
  const lookup = record('retrieveCharge', undefined, {
    method: 'GET',
    params: { id: 'made-up' },
    status: 404,
    bodyText: undefined,
    responseJson: { code: 'notFound', reason: 'no charge' },
  });
  expect(codes(lookup)).toEqual(['buyer.request.rejected R7']);
  expect(codes(lookup, [lookup], facts({ madeUpIds: new Set(['made-up']) }))).toEqual([]);
});

test("the listener's answer to an event: 204, another 2xx (a warning), an error status, no answer", () => {
  const attempt = (over: Partial<DeliveryAttempt>): DeliveryAttempt => ({
    hubId: 'h',
    eventId: 'e',
    eventType: 'productOrderStateChangeEvent',
    url: 'http://x',
    attempt: 1,
    at: new Date(T0).toISOString(),
    delivered: true,
    body: { eventId: 'e', eventTime: '', eventType: 'productOrderStateChangeEvent', event: {} },
    ...over,
  });
  const judge = (a: DeliveryAttempt) =>
    judgeDelivery({ attempts: [a], exchangeId: 'x' }).map((f) => `${f.code} ${f.severity}`);
  expect(judge(attempt({ status: 204 }))).toEqual([]);
  expect(judge(attempt({ status: 200 }))).toEqual(['buyer.listener.not204 warning']);
  expect(judge(attempt({ status: 500, delivered: false }))).toEqual(['buyer.listener.status error']);
  expect(judge(attempt({ error: 'no answer within 3000 ms', delivered: false }))).toEqual([
    'buyer.listener.noAnswer error',
  ]);
});

test('order PATCH: something to update, notes append-only from the buyer, Buyer contacts only (R53-R59, R22)', () => {
  const seen = record('retrieveProductOrder', undefined, {
    method: 'GET',
    params: { id: 'o-1' },
    status: 200,
    responseJson: {
      id: 'o-1',
      note: [{ id: 'n-1', author: 'S', date: '2030-01-01T00:00:00Z', source: 'seller', text: 'a' }],
    },
  });
  const patch = (body: unknown): RecordedBuyerRequest =>
    record('patchProductOrder', body, { method: 'PATCH', params: { id: 'o-1' }, status: 200 });
  const note = (source: string, text = 'b') => ({
    id: 'n-2',
    author: 'B',
    date: '2030-01-02T00:00:00Z',
    source,
    text,
  });
  const kept = { id: 'n-1', author: 'S', date: '2030-01-01T00:00:00Z', source: 'seller', text: 'a' };
  const judge = (body: unknown): string[] => {
    const r = patch(body);
    return codes(r, [seen, r]);
  };
  expect(judge({ note: [kept, note('buyer')] })).toEqual([]);
  expect(judge({ note: [note('buyer')] })).toContain('buyer.patch.notesRewritten R22,R59');
  expect(judge({ note: [kept, note('seller')] })).toContain('buyer.patch.noteSource R58');
  expect(judge({})).toContain('buyer.patch.nothing R53');
  expect(judge({ productOrderItem: [{ id: 'item-1' }] })).toContain('buyer.patch.itemNothing R54,R56');
  expect(
    judge({
      relatedContactInformation: [{ name: 'n', emailAddress: 'e@x', number: '1', role: 'sellerContact' }],
    }),
  ).toContain('buyer.patch.sellerContact R57');
});
