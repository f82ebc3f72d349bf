/**
 * Spec-driven error statuses on Sonata v11, for every operation the spec lists: 400 for an undeclared
 * query parameter; 404 for an unknown id; on every list, too many matches → 422 tooManyRecords where the
 * operation documents 422, else 400; 501 for every operation of a capability the profile switches off
 * ([O1], [CR1]–[CR4]). (unregisterListener documents 422 but a DELETE has nothing to be unprocessable.
 * 401/403/500: out of scope until the auth issue.)
 */
import { ALL_CAPABILITIES, CAPABILITIES, type Capability } from '../../../src/capabilities';
import { cancelBody, modifyBody, orderBody, type Json } from './support/bodies';
import { startWithListener } from './support/fixture';
import { profileWith, startTestSeller, T, type SellerUnderTest } from './support/seller';

let s: SellerUnderTest;
beforeAll(async () => {
  s = await startTestSeller({ profile: profileWith({ pagination: { tooManyRecordsAbove: 1 } }) });
  const ids: string[] = [];
  for (const externalId of ['CHARGE-1', 'CHARGE-2'])
    ids.push(String((await s.createOrder({ externalId }))['id']));
  await s.advance(T.acknowledgedToInProgress); // two charges awaiting response
  for (const id of ids) {
    await s.call('createCancelProductOrder', { body: cancelBody(id) });
    await s.call('createModifyProductOrderItemRequestedDeliveryDate', { body: modifyBody(id, '1') });
  }
});
afterAll(() => s.close());

const operations = () => [...s.spec.management.operations.values()];

test('every operation: 400 invalidQuery for a query parameter it does not declare', async () => {
  for (const op of operations()) {
    const res = await s.call(op.operationId, { params: { id: 'x' }, query: 'undeclared=1' });
    expect([op.operationId, res.status, (res.body as Json)['code']]).toEqual([
      op.operationId,
      400,
      'invalidQuery',
    ]);
  }
});

test('every operation on a resource id: 404 notFound for an unknown id', async () => {
  for (const op of operations().filter((o) => o.pathParams.includes('id'))) {
    const res = await s.call(op.operationId, {
      params: { id: 'no-such-id' },
      ...(op.requestSchemaName ? { body: { externalId: 'x' } } : {}),
    });
    expect([op.operationId, res.status, (res.body as Json)['code']]).toEqual([
      op.operationId,
      404,
      'notFound',
    ]);
  }
});

test('every list: too many matches is 422 tooManyRecords where documented (R62), else 400', async () => {
  const lists = operations().filter((o) => o.method === 'get' && o.pathParams.length === 0);
  expect(lists.map((o) => o.operationId).sort()).toEqual([
    'listCancelProductOrder',
    'listCharge',
    'listModifyProductOrderItemRequestedDeliveryDate',
    'listProductOrder',
  ]);
  for (const op of lists) {
    const res = await s.call(op.operationId);
    if (op.responses.has(422)) {
      expect([op.operationId, res.status]).toEqual([op.operationId, 422]);
      expect(res.body).toEqual([expect.objectContaining({ code: 'tooManyRecords' })]);
    } else {
      expect([op.operationId, res.status, (res.body as Json)['code']]).toEqual([
        op.operationId,
        400,
        'invalidQuery',
      ]);
    }
  }
});

const bundles = ALL_CAPABILITIES.filter((c) => CAPABILITIES[c].operations.length > 0);

test.each(bundles)('%s off: every operation of the bundle answers 501', async (capability: Capability) => {
  const s = await startTestSeller({ profile: profileWith({ capabilities: { [capability]: false } }) });
  try {
    for (const operationId of CAPABILITIES[capability].operations) {
      const op = s.spec.management.operations.get(operationId);
      const res = await s.call(operationId, {
        params: { id: 'any' },
        ...(op?.requestSchemaName ? { body: { any: 'thing' } } : {}),
      });
      expect([operationId, res.status, (res.body as Json)['code']]).toEqual([
        operationId,
        501,
        'notImplemented',
      ]);
    }
    // The mandatory operations still work.
    expect((await s.call('createProductOrder', { body: orderBody() })).status).toBe(201);
    expect((await s.call('listProductOrder')).status).toBe(200);
  } finally {
    await s.close();
  }
});

test('milestones off: a MILESTONE order completes without milestone events or history', async () => {
  const f = await startWithListener({ profile: profileWith({ capabilities: { milestones: false } }) });
  try {
    const id = String((await f.s.createOrder({ externalId: 'MILESTONE-1' }))['id']);
    await f.s.advance(T.acknowledgedToInProgress);
    await f.s.advance(T.inProgressToDone);
    const order = await f.s.order(id);
    expect(order['state']).toBe('completed');
    expect((order['productOrderItem'] as Json[])[0]).not.toHaveProperty('milestone');
    expect(f.events().some((e) => e['eventType'] === 'productSpecificProductOrderItemMilestoneEvent')).toBe(
      false,
    );
  } finally {
    await f.close();
  }
});

test('paths are case-sensitive, the base path too: a wrong-case URL is 404 notFound', async () => {
  const base = s.spec.version.managementBasePath;
  for (const url of [`${base.toUpperCase()}/productOrder`, `${base}/ProductOrder`]) {
    const res = await fetch(`${s.server.origin}${url}`);
    expect([url, res.status, ((await res.json()) as Json)['code']]).toEqual([url, 404, 'notFound']);
  }
  // The right case reaches the API (here: too many matches for this profile's limit).
  expect((await fetch(`${s.server.origin}${base}/productOrder`)).status).toBe(422);
});
