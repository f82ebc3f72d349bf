/**
 * Buyer tasks on Sonata v11: cancel (UC 8–10) and modify requested delivery date (UC 5–7), each accepted,
 * rejected, and with an order-level charge accepted or declined (UC 11b/11c); their lists and retrieves;
 * the charge list (UC 13). Outcomes come from the default profile's HOLD-* externalId prefixes.
 */
import { cancelBody, chargeAnswer, contact, modifyBody, type Json } from './support/bodies';
import { startWithListener, type SellerWithListener } from './support/fixture';
import { expectLegalOrder } from './support/oracles';
import { history, states, T } from './support/seller';

let f: SellerWithListener;
beforeEach(async () => {
  f = await startWithListener();
});
afterEach(() => f.close());

const codes = (body: unknown) => (body as Json[]).map((e) => [e['code'], e['propertyPath']]);

async function inProgressOrder(externalId = 'PO-1', items = 1): Promise<string> {
  const id = String((await f.s.createOrder({ externalId, items }))['id']);
  await f.s.advance(T.acknowledgedToInProgress);
  expect((await f.s.order(id))['state']).toBe('inProgress');
  return id;
}

async function orderNow(id: string): Promise<Json> {
  const order = await f.s.order(id);
  expectLegalOrder(order);
  return order;
}

async function answerCharge(chargeId: string, answer: 'accepted' | 'rejected'): Promise<void> {
  const charge = (await f.s.call('retrieveCharge', { params: { id: chargeId } })).body as Json;
  const res = await f.s.call('patchCharge', {
    params: { id: chargeId },
    body: chargeAnswer(charge as { chargeItem: { id: string }[] }, answer),
  });
  expect(res.status).toBe(200);
}

describe('cancel (UC 8)', () => {
  async function cancel(orderId: string): Promise<Json> {
    const res = await f.s.call('createCancelProductOrder', { body: cancelBody(orderId) });
    expect(res.status).toBe(201);
    return res.body as Json;
  }
  const retrieve = async (id: string) =>
    (await f.s.call('retrieveCancelProductOrder', { params: { id } })).body as Json;

  test('accepted: assessingCancellation → pendingCancellation → cancelled; R77 echo, R78 Seller contact', async () => {
    const orderId = await inProgressOrder();
    const task = await cancel(orderId);
    expect(task).toMatchObject({
      state: 'acknowledged',
      productOrder: { productOrderId: orderId },
      cancellationReason: 'no longer needed',
      cancellationReasonType: 'commercial',
      href: `${f.s.server.url}/cancelProductOrder/${String(task['id'])}`,
    });
    expect(task['relatedContactInformation']).toEqual([
      contact('cancelProductOrderContact'),
      expect.objectContaining({ role: 'cancelProductOrderSellerContact' }),
    ]);
    await f.s.settle();
    expect(states(await orderNow(orderId))).toEqual({ order: 'assessingCancellation', items: ['pending'] });
    await f.s.advance(T.taskDecision);
    expect((await retrieve(String(task['id'])))['state']).toBe('done');
    expect(states(await orderNow(orderId))).toEqual({ order: 'pendingCancellation', items: ['pending'] });
    await f.s.advance(T.pendingCancellationToCancelled);
    const order = await orderNow(orderId);
    expect(history(order)).toEqual([
      'acknowledged',
      'inProgress',
      'assessingCancellation',
      'pendingCancellation',
      'cancelled',
    ]);
    expect(order['cancellationReason']).toBe('no longer needed');
    expect(f.trail(String(task['id']))).toEqual(['cancelProductOrderStateChangeEvent:done']);
  });

  test('rejected (HOLD-REJECTTASKS): cancellationDeniedReason, order back to inProgress', async () => {
    const orderId = await inProgressOrder('HOLD-REJECTTASKS-1');
    const task = await cancel(orderId);
    await f.s.advance(T.taskDecision);
    expect(await retrieve(String(task['id']))).toMatchObject({
      state: 'rejected',
      cancellationDeniedReason: 'work too far advanced to cancel',
    });
    expect(states(await orderNow(orderId))).toEqual({ order: 'inProgress', items: ['inProgress'] });
  });

  test('an order not inProgress cannot be cancelled (API-NOTES §13.4: the diagram allows it from inProgress only)', async () => {
    const orderId = String((await f.s.createOrder())['id']); // still acknowledged
    const task = await cancel(orderId);
    await f.s.advance(T.taskDecision);
    expect(await retrieve(String(task['id']))).toMatchObject({
      state: 'rejected',
      cancellationDeniedReason: expect.stringContaining('acknowledged') as unknown,
    });
  });

  test.each([
    ['accepted', 'done', ['pendingCancellation', ['pending']]],
    ['rejected', 'done.declined', ['inProgress', ['inProgress']]],
  ] as const)(
    'with a cancellation charge %s (UC 11c): task %s',
    async (answer, taskState, [orderState, itemStates]) => {
      const orderId = await inProgressOrder('HOLD-CANCELCHARGE-1');
      const task = await cancel(orderId);
      await f.s.advance(T.taskDecision);
      const assessing = await retrieve(String(task['id']));
      expect(assessing['state']).toBe('inProgress.assessingCharge');
      const chargeId = String((assessing['charge'] as Json)['id']);
      const charge = (await f.s.call('retrieveCharge', { params: { id: chargeId } })).body as Json;
      expect(charge).toMatchObject({
        productOrder: { productOrderId: orderId },
        cancelProductOrder: { id: task['id'] },
        chargeItem: [expect.objectContaining({ priceCategory: 'cancellation' })],
      });
      expect((await orderNow(orderId))['cancellationCharge']).toEqual([
        expect.objectContaining({ id: chargeId }),
      ]);
      await answerCharge(chargeId, answer);
      await f.s.settle();
      expect((await retrieve(String(task['id'])))['state']).toBe(taskState);
      expect(states(await orderNow(orderId))).toEqual({ order: orderState, items: itemStates });
      expect(f.trail(String(task['id']))).toEqual([
        'cancelProductOrderStateChangeEvent:inProgress.assessingCharge',
        `cancelProductOrderStateChangeEvent:${taskState}`,
      ]);
      expect(f.trail(chargeId)).toEqual(['chargeCreateEvent', 'chargeStateChangeEvent:completed']);
    },
  );

  test('422: unknown order (R75), no cancelProductOrderContact (R76), Seller-set attribute; 400; 404', async () => {
    const body = cancelBody('no-such-order', {
      relatedContactInformation: [contact('someone')],
      state: 'done',
    });
    const res = await f.s.call('createCancelProductOrder', { body });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual([
      ['unexpectedProperty', '/state'],
      ['referenceNotFound', '/productOrder/productOrderId'],
      ['missingProperty', '/relatedContactInformation'],
    ]);
    const schema = await f.s.call('createCancelProductOrder', { body: { productOrder: {} } });
    expect(codes(schema.body)).toEqual(
      expect.arrayContaining([
        ['missingProperty', '/relatedContactInformation'],
        ['missingProperty', '/productOrder/productOrderId'],
      ]),
    );
    expect(
      (await f.s.call('createCancelProductOrder', { body: '', contentType: 'application/json' })).status,
    ).toBe(400);
    expect((await f.s.call('retrieveCancelProductOrder', { params: { id: 'nope' } })).status).toBe(404);
  });

  test('list: filters productOrderId, state, cancellationReasonType; buyerId isolation; [] on no match', async () => {
    const a = await inProgressOrder('PO-A');
    const b = await inProgressOrder('HOLD-REJECTTASKS-B');
    const ta = await cancel(a);
    const tb = (
      await f.s.call('createCancelProductOrder', {
        body: cancelBody(b, { cancellationReasonType: 'technical' }),
      })
    ).body as Json;
    await f.s.advance(T.taskDecision);
    const list = async (query?: string) => {
      const res = await f.s.call('listCancelProductOrder', query ? { query } : {});
      expect(res.status).toBe(200);
      return (res.body as Json[]).map((t) => t['id']);
    };
    expect(await list()).toEqual([tb['id'], ta['id']]);
    expect(await list(`productOrderId=${a}`)).toEqual([ta['id']]);
    expect(await list('state=rejected')).toEqual([tb['id']]);
    expect(await list('cancellationReasonType=commercial')).toEqual([ta['id']]);
    expect(await list('state=done.declined')).toEqual([]);
    expect(await list('buyerId=other')).toEqual([]);
    expect((await f.s.call('listCancelProductOrder', { query: 'state=finished' })).status).toBe(400);
    const other = await f.s.call('retrieveCancelProductOrder', {
      params: { id: String(ta['id']) },
      query: { buyerId: 'other' },
    });
    expect(other.status).toBe(404);
  });
});

describe('modify requested delivery date (UC 5)', () => {
  const NEW_DATE = '2026-04-01T00:00:00.000Z';
  async function modify(orderId: string, change?: Parameters<typeof modifyBody>[2]): Promise<Json> {
    const res = await f.s.call('createModifyProductOrderItemRequestedDeliveryDate', {
      body: modifyBody(orderId, '1', change),
    });
    expect(res.status).toBe(201);
    return res.body as Json;
  }
  const retrieve = async (id: string) =>
    (await f.s.call('retrieveModifyProductOrderItemRequestedDeliveryDate', { params: { id } })).body as Json;

  test('accepted: item pending, then the new date with a revised expectedCompletionDate and an R52 note', async () => {
    const orderId = await inProgressOrder();
    const task = await modify(orderId);
    expect(task).toMatchObject({
      state: 'acknowledged',
      creationDate: new Date(f.s.clock.now()).toISOString(), // R66/R69
      requestedCompletionDate: NEW_DATE, // R70 echo
      productOrderItem: { productOrderId: orderId, productOrderItemId: '1' },
    });
    await f.s.settle();
    expect(states(await orderNow(orderId))).toEqual({
      order: 'pending.assessingModification',
      items: ['pending'],
    });
    await f.s.advance(T.taskDecision);
    expect((await retrieve(String(task['id'])))['state']).toBe('done');
    const order = await orderNow(orderId);
    expect(states(order)).toEqual({ order: 'inProgress', items: ['inProgress'] });
    const item = (order['productOrderItem'] as Json[])[0] as Json;
    expect(item).toMatchObject({ requestedCompletionDate: NEW_DATE, expectedCompletionDate: NEW_DATE });
    // R52: the revised expected date comes with a Seller note.
    expect(item['note']).toEqual([
      expect.objectContaining({ source: 'seller', text: expect.stringContaining(NEW_DATE) as unknown }),
    ]);
    expect(f.trail(String(task['id']))).toEqual([
      'modifyProductOrderItemRequestedDeliveryDateStateChangeEvent:done',
    ]);
    expect(f.trail(orderId)).toContain('productOrderItemExpectedCompletionDateSetEvent[1]');
  });

  test('expedite (UC 5a): expediteAcceptedIndicator only once accepted (R25/R26)', async () => {
    const orderId = await inProgressOrder();
    await modify(orderId, { expediteIndicator: true });
    await f.s.advance(T.taskDecision);
    const item = ((await orderNow(orderId))['productOrderItem'] as Json[])[0] as Json;
    expect(item).toMatchObject({ expediteIndicator: true, expediteAcceptedIndicator: true });
  });

  test('rejected (HOLD-REJECTTASKS): dates unchanged, back to inProgress', async () => {
    const orderId = await inProgressOrder('HOLD-REJECTTASKS-1');
    const task = await modify(orderId);
    await f.s.advance(T.taskDecision);
    expect((await retrieve(String(task['id'])))['state']).toBe('rejected');
    const order = await orderNow(orderId);
    expect(states(order)).toEqual({ order: 'inProgress', items: ['inProgress'] });
    expect((order['productOrderItem'] as Json[])[0]).toMatchObject({
      requestedCompletionDate: '2026-03-02T00:00:00.000Z',
    });
  });

  test.each([
    ['accepted', 'done', NEW_DATE],
    ['rejected', 'done.declined', '2026-03-02T00:00:00.000Z'],
  ] as const)('with an expedite charge %s (UC 11b): task %s', async (answer, taskState, date) => {
    const orderId = await inProgressOrder('HOLD-CANCELCHARGE-1');
    const task = await modify(orderId);
    await f.s.advance(T.taskDecision);
    expect((await retrieve(String(task['id'])))['state']).toBe('inProgress.assessingCharge');
    const charges = (await f.s.call('listCharge', { query: { productOrderId: orderId } })).body as Json[];
    expect(charges).toHaveLength(1);
    const chargeId = String(charges[0]?.['id']);
    expect((await f.s.call('retrieveCharge', { params: { id: chargeId } })).body).toMatchObject({
      modifyProductOrderItemRequestedDeliveryDate: { id: task['id'] },
      // [R92]: the item whose date is to change, not the order
      productOrderItem: { productOrderId: orderId, productOrderItemId: '1' },
      chargeItem: [expect.objectContaining({ priceCategory: 'expedite', blocking: true })],
    });
    await answerCharge(chargeId, answer);
    await f.s.settle();
    expect((await retrieve(String(task['id'])))['state']).toBe(taskState);
    const order = await orderNow(orderId);
    expect(states(order)).toEqual({ order: 'inProgress', items: ['inProgress'] });
    expect((order['productOrderItem'] as Json[])[0]).toMatchObject({ requestedCompletionDate: date });
  });

  test('422: unknown order, unknown item, nothing to change (R65/R68); 404; 400', async () => {
    const orderId = await inProgressOrder();
    const call = (body: unknown) => f.s.call('createModifyProductOrderItemRequestedDeliveryDate', { body });
    expect(codes((await call(modifyBody('nope', '1'))).body)).toEqual([
      ['referenceNotFound', '/productOrderItem/productOrderId'],
    ]);
    expect(codes((await call(modifyBody(orderId, '9'))).body)).toEqual([
      ['referenceNotFound', '/productOrderItem/productOrderItemId'],
    ]);
    expect(codes((await call(modifyBody(orderId, '1', {}))).body)).toEqual([
      ['missingProperty', '/requestedCompletionDate'],
    ]);
    expect(
      codes((await call({ ...modifyBody(orderId, '1'), creationDate: '2026-01-01T00:00:00Z' })).body),
    ).toEqual([['unexpectedProperty', '/creationDate']]);
    expect(codes((await call(modifyBody(orderId, '1', { requestedCompletionDate: 'soon' }))).body)).toEqual([
      ['invalidFormat', '/requestedCompletionDate'],
    ]);
    expect((await call('[1]')).status).toBe(400);
    const missing = await f.s.call('retrieveModifyProductOrderItemRequestedDeliveryDate', {
      params: { id: 'x' },
    });
    expect(missing.status).toBe(404);
  });

  test('list: filters productOrderId, state, expediteIndicator, dotted date ranges', async () => {
    const a = await inProgressOrder('PO-A');
    const b = await inProgressOrder('HOLD-REJECTTASKS-B');
    const ta = await modify(a);
    await f.s.advance(60_000);
    const tb = await modify(b, { expediteIndicator: true });
    await f.s.advance(T.taskDecision);
    const list = async (query?: string) => {
      const res = await f.s.call('listModifyProductOrderItemRequestedDeliveryDate', query ? { query } : {});
      expect(res.status).toBe(200);
      return (res.body as Json[]).map((t) => t['id']);
    };
    expect(await list()).toEqual([tb['id'], ta['id']]);
    expect(await list(`productOrderId=${b}`)).toEqual([tb['id']]);
    expect(await list('state=done')).toEqual([ta['id']]);
    expect(await list('expediteIndicator=true')).toEqual([tb['id']]);
    expect(await list('expediteIndicator=false')).toEqual([ta['id']]);
    expect(await list('requestedCompletionDate.gt=2026-03-15T00:00:00Z')).toEqual([ta['id']]);
    expect(await list(`creationDate.lt=${String(tb['creationDate'])}`)).toEqual([ta['id']]);
    expect(await list('state=acknowledged')).toEqual([]);
    expect(
      (await f.s.call('listModifyProductOrderItemRequestedDeliveryDate', { query: 'expediteIndicator=yes' }))
        .status,
    ).toBe(400);
  });
});

test('listCharge (UC 13): filters productOrderId, productOrderItemId, date ranges; buyerId isolation', async () => {
  const a = String((await f.s.createOrder({ externalId: 'CHARGE-A' }))['id']);
  await f.s.advance(T.acknowledgedToInProgress);
  await f.s.advance(3_600_000);
  const b = String((await f.s.createOrder({ externalId: 'CHARGE-B', items: 2 }))['id']);
  await f.s.advance(T.acknowledgedToInProgress);
  const list = async (query?: string) => {
    const res = await f.s.call('listCharge', query ? { query } : {});
    expect(res.status).toBe(200);
    return (res.body as Json[]).map((c) => (c['productOrderItem'] as Json)['productOrderId']);
  };
  expect(await list()).toEqual([b, a]);
  expect(await list(`productOrderId=${a}`)).toEqual([a]);
  expect(await list('productOrderItemId=1')).toEqual([b, a]);
  expect(await list('productOrderItemId=2')).toEqual([]);
  const first = (((await f.s.call('listCharge')).body as Json[])[1] as Json)['creationDate'] as string;
  expect(await list(`creationDate.gt=${first}`)).toEqual([b]);
  expect(
    await list(
      `responseDueDate.lt=${new Date(Date.parse(first) + T.chargeResponseWindow + 1).toISOString()}`,
    ),
  ).toEqual([a]);
  expect(await list('buyerId=other')).toEqual([]);
  expect((await f.s.call('listCharge', { query: 'creationDate.gt=now' })).status).toBe(400);
});
