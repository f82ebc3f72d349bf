/**
 * The control API under /_lso/control: the Seller's back office for scenarios. Every action goes through
 * the lifecycle engine, so the order it leaves behind must still pass the oracles.
 */
import request from 'supertest';
import { CONTROL_PREFIX } from '../../../emulators/seller';
import { cancelBody, hubBody, modifyBody, type Json } from './support/bodies';
import { startCaptureListener } from './support/listener';
import { expectLegalOrder } from './support/oracles';
import { profileWith, startTestSeller, states, T, type SellerUnderTest } from './support/seller';

let s: SellerUnderTest;
let after: (() => Promise<void>)[] = [];
beforeEach(async () => {
  s = await startTestSeller();
});
afterEach(async () => {
  await s.close();
  for (const fn of after) await fn();
  after = [];
});

const control = () => request(s.server.origin);
async function act(
  orderId: string,
  action: string,
  args: Json = {},
): Promise<{ status: number; body: Json }> {
  const res = await control().post(`${CONTROL_PREFIX}/orders/${orderId}/${action}`).send(args);
  await s.settle();
  expectLegalOrder(await s.order(orderId));
  return { status: res.status, body: res.body as Json };
}
async function holdOrder(): Promise<string> {
  const id = String((await s.createOrder({ externalId: 'HOLD-1', items: 2 }))['id']);
  expect((await act(id, 'advance')).body).toMatchObject({ ok: true, state: 'inProgress' });
  return id;
}

test('info, order view, clock advance, reset', async () => {
  const id = String((await s.createOrder())['id']);
  const info = await control().get(`${CONTROL_PREFIX}/info`);
  expect(info.body).toMatchObject({
    api: 'sonata-v11',
    profile: 'test',
    clock: 'manual',
    orders: 1,
    evicted: 0,
  });
  const view = await control().get(`${CONTROL_PREFIX}/orders/${id}`);
  expect(view.body).toMatchObject({ order: { id, state: 'acknowledged' }, next: 'validate', rule: null });
  const moved = await control().post(`${CONTROL_PREFIX}/clock/advance`).send({ by: '30s' });
  expect(moved.body).toEqual({ now: '2026-01-05T09:00:30.000Z' });
  expect((await s.order(id))['state']).toBe('inProgress');
  expect((await control().post(`${CONTROL_PREFIX}/clock/advance`).send({ by: 'soon' })).status).toBe(400);
  expect((await control().post(`${CONTROL_PREFIX}/reset`)).body).toEqual({ ok: true });
  expect((await s.call('retrieveProductOrder', { params: { id } })).status).toBe(404);
});

test('reject an acknowledged order; complete and fail an order in progress', async () => {
  const a = String((await s.createOrder())['id']);
  expect((await act(a, 'reject', { reason: 'no capacity' })).body).toMatchObject({ state: 'rejected' });
  expect((await act(a, 'complete')).status).toBe(409);
  const b = await holdOrder();
  expect((await act(b, 'complete')).body).toMatchObject({ state: 'completed' });
  const c = await holdOrder();
  expect((await act(c, 'fail')).body).toMatchObject({ state: 'failed' });
});

test('raise-charge on an item (UC 11a), then timeout-charge; a second charge is refused (R83)', async () => {
  const id = await holdOrder();
  const raised = await act(id, 'raise-charge', { item: '2' });
  expect(raised.body).toMatchObject({ ok: true, state: 'held.assessingCharge' });
  expect(states(await s.order(id))).toEqual({ order: 'held.assessingCharge', items: ['inProgress', 'held'] });
  expect((await act(id, 'raise-charge', { item: '1' })).status).toBe(409);
  expect((await act(id, 'timeout-charge')).body).toMatchObject({
    ok: true,
    chargeId: raised.body['chargeId'],
  });
  expect(states(await s.order(id))).toEqual({ order: 'inProgress', items: ['inProgress', 'failed'] });
});

test('a charge cannot be raised while a cancel is being assessed (the order cannot enter held)', async () => {
  const id = await holdOrder();
  expect((await s.call('createCancelProductOrder', { body: cancelBody(id) })).status).toBe(201);
  await s.settle();
  expect((await s.order(id))['state']).toBe('assessingCancellation');
  const res = await act(id, 'raise-charge');
  expect(res.status).toBe(409);
  expect(String(res.body['error'])).toMatch(/no item inProgress|assessingCancellation/);
});

test('milestone, set-expected-date (R52 note), seller-cancel; deliveries and hubs are visible', async () => {
  const listener = await startCaptureListener();
  after.push(() => listener.close());
  await s.call('registerListener', {
    body: hubBody(listener.url, 'eventType=productSpecificProductOrderItemMilestoneEvent'),
  });
  const id = await holdOrder();
  expect((await act(id, 'milestone', { name: 'cablePulled', item: '1' })).status).toBe(200);
  const date = '2026-05-05T00:00:00.000Z';
  expect((await act(id, 'set-expected-date', { item: '1', date, reason: 'permit delay' })).status).toBe(200);
  const item = ((await s.order(id))['productOrderItem'] as Json[])[0] as Json;
  expect(item).toMatchObject({ expectedCompletionDate: date, milestone: [{ name: 'cablePulled' }] });
  expect(item['note']).toEqual([
    expect.objectContaining({ source: 'seller', text: expect.stringContaining('permit delay') as unknown }),
  ]);
  expect((await act(id, 'set-expected-date', { date: 'later' })).status).toBe(409);
  expect((await act(id, 'seller-cancel', { reason: 'network change' })).body).toMatchObject({
    state: 'pendingCancellation',
  });
  const deliveries = await control().get(
    `${CONTROL_PREFIX}/deliveries?eventType=productSpecificProductOrderItemMilestoneEvent`,
  );
  expect((deliveries.body as Json[]).map((d) => d['eventType'])).toEqual([
    'productSpecificProductOrderItemMilestoneEvent',
  ]);
  expect(((await control().get(`${CONTROL_PREFIX}/hubs`)).body as Json[]).map((h) => h['callback'])).toEqual([
    listener.url,
  ]);
  expect(listener.events().map((e) => (e['event'] as Json)['milestoneName'])).toEqual(['cablePulled']);
});

test('accept-task / decline-task decide an open cancel or modify request now', async () => {
  const id = await holdOrder();
  const task = (await s.call('createCancelProductOrder', { body: cancelBody(id) })).body as Json;
  await s.settle();
  expect((await act(id, 'decline-task')).body).toMatchObject({ taskId: task['id'], taskState: 'rejected' });
  expect((await s.order(id))['state']).toBe('inProgress');
  expect((await act(id, 'accept-task')).status).toBe(409);
});

test('charge-task answers an open cancel or modify request with an order-level charge (UC 11b/11c)', async () => {
  const id = await holdOrder();
  const task = (
    await s.call('createModifyProductOrderItemRequestedDeliveryDate', { body: modifyBody(id, '1') })
  ).body as Json;
  await s.settle();
  const reply = (await act(id, 'charge-task')).body;
  expect(reply).toMatchObject({ taskId: task['id'], taskState: 'inProgress.assessingCharge' });
  const charge = (await s.call('retrieveCharge', { params: { id: String(reply['chargeId']) } })).body as Json;
  expect(charge).toMatchObject({
    state: 'awaitingResponse',
    productOrderItem: { productOrderId: id, productOrderItemId: '1' },
    modifyProductOrderItemRequestedDeliveryDate: { id: task['id'] },
  });
  expect((await act(id, 'charge-task')).status).toBe(409);
});

test('unknown order 404, unknown action 400, nothing pending 409, control API off 404', async () => {
  expect((await control().post(`${CONTROL_PREFIX}/orders/nope/complete`)).status).toBe(404);
  const id = String((await s.createOrder())['id']);
  expect((await control().post(`${CONTROL_PREFIX}/orders/${id}/explode`)).status).toBe(400);
  await s.advance(T.acknowledgedToInProgress);
  await s.advance(T.inProgressToDone);
  expect((await control().post(`${CONTROL_PREFIX}/orders/${id}/advance`)).status).toBe(409);
  const closed = await startTestSeller({ profile: profileWith({ controlApi: false }) });
  try {
    const res = await request(closed.server.origin).get(`${CONTROL_PREFIX}/info`);
    expect(res.status).toBe(404);
  } finally {
    await closed.close();
  }
});
