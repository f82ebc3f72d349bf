/**
 * UC 1–4 on Sonata v11: create, retrieve, list, patch; every success and every error status the spec
 * lists for them that the emulator can produce. 401/403/500 are out of scope until the auth issue
 * (no credentials are checked yet; a 500 would be an emulator bug, which the fuzz test hunts).
 * `missingQueryParameter` cannot occur: no operation declares a required query parameter.
 */
import {
  contact,
  note,
  orderBody,
  orderItem,
  subscriberUniConfiguration,
  SUBSCRIBER_UNI_TYPE,
  type Json,
} from './support/bodies';
import { expectLegalOrder } from './support/oracles';
import { profileWith, startTestSeller, T, type SellerUnderTest } from './support/seller';

let s: SellerUnderTest;
beforeAll(async () => {
  s = await startTestSeller();
});
afterAll(() => s.close());

const codes = (body: unknown) => (body as Json[]).map((e) => [e['code'], e['propertyPath']]);

describe('createProductOrder', () => {
  test('201: echoes the Buyer attributes (R17) and adds what the Seller sets (R18)', async () => {
    const body = orderBody({
      externalId: 'PO-ECHO',
      projectId: 'P-7',
      items: 2,
      extra: { note: [note('n1')] },
    });
    const res = await s.call('createProductOrder', { body });
    expect(res.status).toBe(201);
    const order = res.body as Json;
    expect(order).toMatchObject({
      externalId: 'PO-ECHO',
      projectId: 'P-7',
      note: [note('n1')],
      state: 'acknowledged',
      orderDate: new Date(s.clock.now()).toISOString(),
      stateChange: [{ state: 'acknowledged' }],
      href: `${s.server.url}/productOrder/${String(order['id'])}`,
    });
    expect(order['relatedContactInformation']).toEqual([
      contact('productOrderContact'),
      expect.objectContaining({ role: 'sellerContact' }),
    ]);
    const items = order['productOrderItem'] as Json[];
    expect(items.map((i) => [i['id'], i['state']])).toEqual([
      ['1', 'acknowledged'],
      ['2', 'acknowledged'],
    ]);
    expect(items[0]).toMatchObject((body['productOrderItem'] as Json[])[0] as Json);
    expectLegalOrder(order);
  });

  test('201 with a real MEF product payload validated by its product schema; 422 when it breaks it', async () => {
    const good = orderBody({ items: [orderItem({ productConfiguration: subscriberUniConfiguration() })] });
    expect((await s.call('createProductOrder', { body: good })).status).toBe(201);
    const config = { ...subscriberUniConfiguration(), maximumServiceFrameSize: 'big' };
    const bad = await s.call('createProductOrder', {
      body: orderBody({ items: [orderItem({ productConfiguration: config })] }),
    });
    expect(bad.status).toBe(422);
    expect(codes(bad.body)).toEqual([
      ['invalidValue', '/productOrderItem/0/product/productConfiguration/maximumServiceFrameSize'],
    ]);
    expect(SUBSCRIBER_UNI_TYPE).toMatch(/^urn:mef:lso:spec:/);
  });

  test.each([
    ['no body', undefined, undefined],
    ['not JSON', '{"externalId": ', undefined],
    ['a JSON array', '[]', undefined],
    ['a JSON string', '"order"', undefined],
    ['text/plain', JSON.stringify(orderBody()), 'text/plain'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), undefined],
    ['nesting 100 deep', `{"x":${'['.repeat(100)}${']'.repeat(100)}}`, undefined],
  ])('400 invalidBody: %s', async (_what, body, contentType) => {
    const res = await s.call('createProductOrder', {
      ...(body !== undefined ? { body } : {}),
      ...(contentType ? { contentType } : {}),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalidBody' });
  });

  test('400 invalidBody: more than maxBodyBytes', async () => {
    const big = orderBody({ extra: { padding: 'x'.repeat(1_100_000) } });
    const res = await s.call('createProductOrder', { body: big });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalidBody', reason: 'request body too large' });
  });

  test('400 invalidQuery (unknown parameter) and missingQueryValue (empty value)', async () => {
    const unknown = await s.call('createProductOrder', { body: orderBody(), query: 'debug=1' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'invalidQuery' });
    const empty = await s.call('createProductOrder', { body: orderBody(), query: 'buyerId=' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'missingQueryValue' });
  });

  test('422 schema violations, each with its JSON Pointer', async () => {
    const body = orderBody();
    delete body['relatedContactInformation'];
    const item = (body['productOrderItem'] as Json[])[0] as Json;
    item['requestedCompletionDate'] = 'next tuesday';
    item['action'] = 'install';
    const res = await s.call('createProductOrder', { body });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual(
      expect.arrayContaining([
        ['missingProperty', '/relatedContactInformation'],
        ['invalidFormat', '/productOrderItem/0/requestedCompletionDate'],
        ['invalidValue', '/productOrderItem/0/action'],
      ]),
    );
    const empty = await s.call('createProductOrder', { body: orderBody({ items: [] }) });
    expect(codes(empty.body)).toEqual([['invalidValue', '/productOrderItem']]);
  });

  test('422 business rules: contact roles (R11, R12), item ids, actions (R45, R46), relationships', async () => {
    const body = orderBody({
      items: [
        orderItem({ id: 'a', extra: { relatedContactInformation: [contact('buyerTechnicalContact')] } }),
        orderItem({ id: 'a' }),
        {
          ...orderItem({ id: 'b', action: 'add' }),
          product: { id: 'p1', productConfiguration: { '@type': 'x' } },
        },
        { ...orderItem({ id: 'c', action: 'modify' }), product: { productConfiguration: { '@type': 'x' } } },
        {
          ...orderItem({ id: 'd', action: 'delete' }),
          product: { id: 'p', productConfiguration: { '@type': 'x' } },
        },
        orderItem({
          id: 'e',
          extra: { productOrderItemRelationship: [{ id: 'zz', relationshipType: 'RELIES_ON' }] },
        }),
      ],
    });
    body['relatedContactInformation'] = [contact('someoneElse')];
    const res = await s.call('createProductOrder', { body });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual([
      ['missingProperty', '/relatedContactInformation'],
      ['missingProperty', '/productOrderItem/0/relatedContactInformation'],
      ['missingProperty', '/productOrderItem/0/relatedContactInformation'],
      ['invalidValue', '/productOrderItem/1/id'],
      ['unexpectedProperty', '/productOrderItem/2/product/id'],
      ['missingProperty', '/productOrderItem/3/product/id'],
      ['unexpectedProperty', '/productOrderItem/4/product/productConfiguration'],
      ['referenceNotFound', '/productOrderItem/5/productOrderItemRelationship/0/id'],
    ]);
  });

  test('422 unexpectedProperty for attributes only the Seller sets (R8), order and item', async () => {
    const body = orderBody({
      extra: { state: 'completed', completionDate: '2026-01-01T00:00:00Z' },
      items: [orderItem({ extra: { expectedCompletionDate: '2026-02-01T00:00:00Z' } })],
    });
    const res = await s.call('createProductOrder', { body });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual([
      ['unexpectedProperty', '/state'],
      ['unexpectedProperty', '/completionDate'],
      ['unexpectedProperty', '/productOrderItem/0/expectedCompletionDate'],
    ]);
  });

  test('attributes the spec does not define are echoed unchanged (R17; API-NOTES §13.12)', async () => {
    const order = await s.createOrder({ extra: { buyerReference: { system: 'erp', n: 7 } } });
    expect(order['buyerReference']).toEqual({ system: 'erp', n: 7 });
  });
});

describe('retrieveProductOrder', () => {
  test('200: the order as created; 404 for an unknown id, a malformed id, or another Buyer', async () => {
    const order = await s.createOrder();
    const id = String(order['id']);
    expect(await s.order(id)).toEqual(order);
    for (const [badId, query] of [
      ['no-such-order', undefined],
      ['%E0%A4%A', undefined],
      [id, { buyerId: 'someone-else' }],
    ] as const) {
      const res = await s.call('retrieveProductOrder', {
        params: { id: badId },
        ...(query ? { query } : {}),
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'notFound' });
    }
  });

  test('400 invalidQuery for a parameter the operation does not declare, or a repeated one', async () => {
    const order = await s.createOrder();
    for (const query of ['state=completed', 'buyerId=a&buyerId=b']) {
      const res = await s.call('retrieveProductOrder', { params: { id: String(order['id']) }, query });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalidQuery' });
    }
  });
});

describe('patchProductOrder (UC 2)', () => {
  test('200: merges the updatable attributes; notes append only; Seller contacts stay', async () => {
    const order = await s.createOrder({ extra: { note: [note('n1')] } });
    const id = String(order['id']);
    const res = await s.call('patchProductOrder', {
      params: { id },
      body: {
        externalId: 'PO-RENAMED',
        projectId: 'P-9',
        note: [note('n1'), note('n2', 'second')],
        relatedContactInformation: [contact('productOrderContact', 'New Person')],
        productOrderItem: [{ id: '1', endCustomerName: 'ACME', relatedBuyerPON: 'PON-1' }],
      },
      contentType: 'application/merge-patch+json',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      externalId: 'PO-RENAMED',
      projectId: 'P-9',
      note: [note('n1'), note('n2', 'second')],
    });
    expect((res.body as Json)['relatedContactInformation']).toEqual([
      contact('productOrderContact', 'New Person'),
      expect.objectContaining({ role: 'sellerContact' }),
    ]);
    expect(((res.body as Json)['productOrderItem'] as Json[])[0]).toMatchObject({
      endCustomerName: 'ACME',
      relatedBuyerPON: 'PON-1',
    });
    expect(await s.order(id)).toEqual(res.body);
  });

  test('422: nothing updatable (R53), unknown item, changed notes (R22/R59), note source (R58), contact roles (R11/R12)', async () => {
    const order = await s.createOrder({ extra: { note: [note('n1')] } });
    const id = String(order['id']);
    const nothing = await s.call('patchProductOrder', { params: { id }, body: { state: 'completed' } });
    expect(nothing.status).toBe(422);
    expect(codes(nothing.body)).toEqual([['missingProperty', '/']]);
    const res = await s.call('patchProductOrder', {
      params: { id },
      body: {
        note: [note('n1', 'rewritten'), note('n2', 'mine', 'seller')],
        productOrderItem: [{ id: '9', endCustomerName: 'x' }],
      },
    });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual([
      ['invalidValue', '/note/0'],
      ['invalidValue', '/note/1/source'],
      ['referenceNotFound', '/productOrderItem/0/id'],
    ]);
    const roles = await s.call('patchProductOrder', {
      params: { id },
      body: {
        relatedContactInformation: [contact('someoneElse')],
        productOrderItem: [{ id: '1', relatedContactInformation: [contact('buyerTechnicalContact')] }],
      },
    });
    expect(codes(roles.body)).toEqual([
      ['missingProperty', '/relatedContactInformation'],
      ['missingProperty', '/productOrderItem/0/relatedContactInformation'],
      ['missingProperty', '/productOrderItem/0/relatedContactInformation'],
    ]);
    const schema = await s.call('patchProductOrder', { params: { id }, body: { externalId: 42 } });
    expect(codes(schema.body)).toEqual([['invalidValue', '/externalId']]);
  });

  test('400 invalidBody, 404 notFound, 409 conflict once the order is terminal', async () => {
    const order = await s.createOrder();
    const id = String(order['id']);
    const notJson = await s.call('patchProductOrder', {
      params: { id },
      body: 'externalId=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: 'invalidBody' });
    const missing = await s.call('patchProductOrder', { params: { id: 'nope' }, body: { externalId: 'x' } });
    expect(missing.status).toBe(404);
    await s.advance(T.acknowledgedToInProgress);
    await s.advance(T.inProgressToDone);
    expect((await s.order(id))['state']).toBe('completed');
    const late = await s.call('patchProductOrder', { params: { id }, body: { externalId: 'x' } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'conflict' });
  });
});

describe('listProductOrder (UC 3)', () => {
  let l: SellerUnderTest;
  const made: Record<string, Json> = {};
  const DAY = 86_400_000;
  beforeAll(async () => {
    l = await startTestSeller({ profile: profileWith({ pagination: { maxPageSize: 3 } }) });
    made['a'] = await l.createOrder({ externalId: 'HOLD-A', projectId: 'alpha' }); // stays inProgress
    await l.advance(DAY);
    made['b'] = await l.createOrder({
      externalId: 'B',
      projectId: 'beta',
      items: [orderItem({ requestedCompletionDate: '2026-06-01T00:00:00.000Z' })],
    });
    await l.advance(DAY); // a: inProgress; b: inProgress (validated after 30 s)
    await l.advance(T.inProgressToDone); // b: completed
    made['c'] = await l.createOrder({ externalId: 'HOLD-C', projectId: 'alpha' });
    made['d'] = await l.createOrder({ externalId: 'D' }, { buyerId: 'buyer-2' });
  });
  afterAll(() => l.close());

  const list = async (query?: string) => {
    const res = await l.call('listProductOrder', query !== undefined ? { query } : {});
    expect(res.status).toBe(200);
    return (res.body as Json[]).map((o) => o['externalId']);
  };

  test('newest first, ProductOrder_Find view (R60), only the default Buyer’s orders', async () => {
    const res = await l.call('listProductOrder');
    expect((res.body as Json[]).map((o) => o['externalId'])).toEqual(['HOLD-C', 'B', 'HOLD-A']);
    expect(Object.keys((res.body as Json[])[1] as Json).sort()).toEqual(
      ['completionDate', 'externalId', 'id', 'orderDate', 'projectId', 'state'].sort(),
    );
    expect(await list('buyerId=buyer-2')).toEqual(['D']);
    expect(await list('buyerId=nobody')).toEqual([]);
  });

  test('equality filters: state, externalId, projectId; [] on no match (R61)', async () => {
    expect(await list('state=completed')).toEqual(['B']);
    expect(await list('state=inProgress')).toEqual(['HOLD-A']);
    expect(await list('externalId=HOLD-C')).toEqual(['HOLD-C']);
    expect(await list('projectId=alpha')).toEqual(['HOLD-C', 'HOLD-A']);
    expect(await list('projectId=alpha&state=acknowledged')).toEqual(['HOLD-C']);
    expect(await list('state=cancelled')).toEqual([]);
  });

  test('dotted date ranges: orderDate, completionDate, item requested/expected completion dates', async () => {
    const t0 = Date.parse(String(made['a']?.['orderDate']));
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(await list(`orderDate.gt=${iso(t0 + 1)}`)).toEqual(['HOLD-C', 'B']);
    expect(await list(`orderDate.lt=${iso(t0 + 1)}`)).toEqual(['HOLD-A']);
    expect(await list(`orderDate.gt=${iso(t0 + 1)}&orderDate.lt=${iso(t0 + DAY + 1)}`)).toEqual(['B']);
    expect(await list(`completionDate.gt=${iso(t0)}`)).toEqual(['B']);
    expect(await list(`completionDate.lt=${iso(t0)}`)).toEqual([]);
    expect(await list('itemRequestedCompletionDate.gt=2026-05-01T00:00:00Z')).toEqual(['B']);
    expect(await list('itemRequestedCompletionDate.lt=2026-05-01T00:00:00Z')).toEqual(['HOLD-C', 'HOLD-A']);
    expect(await list('itemExpectedCompletionDate.gt=2026-01-01T00:00:00Z')).toEqual(['B', 'HOLD-A']);
    expect(await list('cancellationDate.gt=2000-01-01T00:00:00Z')).toEqual([]);
  });

  test('pagination: offset/limit, X-Total-Count, X-Result-Count, X-Pagination-Throttled', async () => {
    for (let i = 0; i < 4; i++) await l.createOrder({ externalId: `P-${i}`, projectId: 'paged' });
    const page = async (query: string) => {
      const res = await l.call('listProductOrder', { query: `projectId=paged&${query}` });
      return {
        ids: (res.body as Json[]).map((o) => o['externalId']),
        total: res.headers['x-total-count'],
        count: res.headers['x-result-count'],
        throttled: res.headers['x-pagination-throttled'],
      };
    };
    expect(await page('limit=2')).toEqual({
      ids: ['P-3', 'P-2'],
      total: '4',
      count: '2',
      throttled: 'false',
    });
    expect(await page('offset=2&limit=2')).toEqual({
      ids: ['P-1', 'P-0'],
      total: '4',
      count: '2',
      throttled: 'false',
    });
    expect(await page('offset=3')).toEqual({ ids: ['P-0'], total: '4', count: '1', throttled: 'false' });
    // Cut to maxPageSize (3) with more to fetch: throttled, asked for (limit 10) or not.
    expect(await page('limit=10')).toEqual({
      ids: ['P-3', 'P-2', 'P-1'],
      total: '4',
      count: '3',
      throttled: 'true',
    });
    expect(await page('offset=0')).toEqual({
      ids: ['P-3', 'P-2', 'P-1'],
      total: '4',
      count: '3',
      throttled: 'true',
    });
    expect(await page('offset=9')).toEqual({ ids: [], total: '4', count: '0', throttled: 'false' });
  });

  test.each([
    ['state=bogus', 'invalidQuery'],
    ['limit=abc', 'invalidQuery'],
    ['limit=0', 'invalidQuery'],
    ['offset=-1', 'invalidQuery'],
    ['orderDate.gt=yesterday', 'invalidQuery'],
    ['orderDate.after=2026-01-01T00:00:00Z', 'invalidQuery'],
    ['state=completed&state=failed', 'invalidQuery'],
    ['externalId=', 'missingQueryValue'],
  ])('400 for %s', async (query, code) => {
    const res = await l.call('listProductOrder', { query });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code });
  });
});

test('422 tooManyRecords (R62) when more orders match than the profile allows', async () => {
  const few = await startTestSeller({ profile: profileWith({ pagination: { tooManyRecordsAbove: 2 } }) });
  try {
    for (let i = 0; i < 3; i++) await few.createOrder({ externalId: `X-${i}` });
    const res = await few.call('listProductOrder');
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual([['tooManyRecords', '/']]);
    expect((await few.call('listProductOrder', { query: 'externalId=X-1' })).status).toBe(200);
  } finally {
    await few.close();
  }
});
