/**
 * Order lifecycles (Mplify 123.1 §7.1/7.2) driven on a ManualClock through the default profile's
 * externalId prefixes: complete, reject, fail, partial, item charge (accepted, declined, timeout),
 * Seller-initiated cancellation, milestones. After each step the order is checked with the same oracles
 * the checks apply to a target (attributes by state, coupling, legal history), and every notification
 * against the listener API.
 */
import { chargeAnswer, orderItem, type Json } from './support/bodies';
import { startWithListener, type SellerWithListener } from './support/fixture';
import { expectLegalOrder } from './support/oracles';
import { history, states, T } from './support/seller';

let f: SellerWithListener;
beforeEach(async () => {
  f = await startWithListener();
});
afterEach(() => f.close());

async function step(id: string, ms: number): Promise<Json> {
  await f.s.advance(ms);
  const order = await f.s.order(id);
  expectLegalOrder(order);
  return order;
}

test('complete: acknowledged → inProgress → completed, with dates and notifications', async () => {
  const created = await f.s.createOrder({ externalId: 'PO-OK', items: 2 });
  const id = String(created['id']);
  await f.s.settle();
  expect(f.listener.received).toEqual([]); // none for acknowledged: the create response is the notice
  const started = await step(id, T.acknowledgedToInProgress);
  expect(states(started)).toEqual({ order: 'inProgress', items: ['inProgress', 'inProgress'] });
  // R29: an inProgress item has an expectedCompletionDate: the requested one, still in the future.
  for (const item of started['productOrderItem'] as Json[]) {
    expect(item['expectedCompletionDate']).toBe('2026-03-02T00:00:00.000Z');
  }
  const done = await step(id, T.inProgressToDone);
  expect(states(done)).toEqual({ order: 'completed', items: ['completed', 'completed'] });
  expect(history(done)).toEqual(['acknowledged', 'inProgress', 'completed']);
  expect(done['completionDate']).toBe(new Date(f.s.clock.now()).toISOString()); // R47
  expect((done['productOrderItem'] as Json[]).every((i) => typeof i['completionDate'] === 'string')).toBe(
    true,
  ); // R50
  expect(f.trail(id)).toEqual([
    'productOrderItemStateChangeEvent[1]:inProgress',
    'productOrderItemExpectedCompletionDateSetEvent[1]',
    'productOrderItemStateChangeEvent[2]:inProgress',
    'productOrderItemExpectedCompletionDateSetEvent[2]',
    'productOrderStateChangeEvent:inProgress',
    'productOrderItemStateChangeEvent[1]:completed',
    'productOrderItemStateChangeEvent[2]:completed',
    'productOrderStateChangeEvent:completed',
  ]);
  expect(f.events().some((e) => (e['event'] as Json)['state'] === 'acknowledged')).toBe(false);
});

test('reject: items rejected / rejected.validated with a terminationError (R64)', async () => {
  const id = String((await f.s.createOrder({ externalId: 'REJECT-1', items: 2 }))['id']);
  const order = await step(id, T.acknowledgedToInProgress);
  expect(states(order)).toEqual({ order: 'rejected', items: ['rejected', 'rejected.validated'] });
  const first = (order['productOrderItem'] as Json[])[0] as Json;
  expect(first['terminationError']).toEqual([
    { code: 'invalidValue', propertyPath: '/productOrderItem/0', value: 'site not serviceable' },
  ]);
  expect(f.trail(id)).toEqual([
    'productOrderItemStateChangeEvent[1]:rejected',
    'productOrderItemStateChangeEvent[2]:rejected.validated',
    'productOrderStateChangeEvent:rejected',
  ]);
});

test('fail: every item failed, no expectedCompletionDate left (R28/R49), order completionDate', async () => {
  const id = String((await f.s.createOrder({ externalId: 'FAIL-1' }))['id']);
  await step(id, T.acknowledgedToInProgress);
  const order = await step(id, T.inProgressToDone);
  expect(states(order)).toEqual({ order: 'failed', items: ['failed'] });
  expect((order['productOrderItem'] as Json[])[0]).not.toHaveProperty('expectedCompletionDate');
  expect(order['completionDate']).toBeDefined();
  expect(f.trail(id).slice(-2)).toEqual([
    'productOrderItemStateChangeEvent[1]:failed',
    'productOrderStateChangeEvent:failed',
  ]);
});

test('partial: the first item completes, the others fail', async () => {
  const id = String((await f.s.createOrder({ externalId: 'PARTIAL-1', items: 3 }))['id']);
  await step(id, T.acknowledgedToInProgress);
  const order = await step(id, T.inProgressToDone);
  expect(states(order)).toEqual({ order: 'partial', items: ['completed', 'failed', 'failed'] });
});

describe('item charge (UC 11a/12)', () => {
  async function charged(items = 1): Promise<{ id: string; charge: Json }> {
    const id = String((await f.s.createOrder({ externalId: 'CHARGE-1', items }))['id']);
    const order = await step(id, T.acknowledgedToInProgress);
    expect(order['state']).toBe('held.assessingCharge');
    const item = (order['productOrderItem'] as Json[])[0] as Json;
    expect(item['state']).toBe('held');
    const ref = (item['charge'] as Json[])[0] as Json; // R27
    const create = f.events().filter((e) => e['eventType'] === 'chargeCreateEvent'); // R88
    expect(create.map((e) => (e['event'] as Json)['id'])).toEqual([ref['id']]);
    const res = await f.s.call('retrieveCharge', { params: { id: String(ref['id']) } });
    expect(res.status).toBe(200);
    const charge = res.body as Json;
    expect(charge).toMatchObject({
      state: 'awaitingResponse',
      productOrderItem: { productOrderId: id, productOrderItemId: '1' },
      creationDate: new Date(f.s.clock.now()).toISOString(),
      responseDueDate: new Date(f.s.clock.now() + T.chargeResponseWindow).toISOString(),
      chargeItem: [
        expect.objectContaining({ blocking: true, priceType: 'nonRecurring', state: 'awaitingResponse' }),
      ],
    });
    return { id, charge };
  }

  test('accepted: the item resumes and completes', async () => {
    const { id, charge } = await charged();
    const res = await f.s.call('patchCharge', {
      params: { id: String(charge['id']) },
      body: chargeAnswer(charge as { chargeItem: { id: string }[] }, 'accepted'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'completed',
      chargeItem: [expect.objectContaining({ state: 'acceptedByBuyer', acceptanceIndicator: 'accepted' })],
    });
    const resumed = await step(id, 0);
    expect(states(resumed)).toEqual({ order: 'inProgress', items: ['inProgress'] });
    const done = await step(id, T.inProgressToDone);
    expect(history(done)).toEqual([
      'acknowledged',
      'inProgress',
      'held.assessingCharge',
      'inProgress',
      'completed',
    ]);
    expect(f.trail(String(charge['id']))).toEqual(['chargeCreateEvent', 'chargeStateChangeEvent:completed']);
  });

  test('declined: the blocking charge fails the item; other items still complete (partial)', async () => {
    const { id, charge } = await charged(2);
    await f.s.call('patchCharge', {
      params: { id: String(charge['id']) },
      body: chargeAnswer(charge as { chargeItem: { id: string }[] }, 'rejected'),
    });
    expect(states(await step(id, 0))).toEqual({ order: 'inProgress', items: ['failed', 'inProgress'] });
    expect(states(await step(id, T.inProgressToDone))).toEqual({
      order: 'partial',
      items: ['failed', 'completed'],
    });
  });

  test('timeout: no answer by responseDueDate (R98): items declined, charge timeout, item and order failed', async () => {
    const { id, charge } = await charged();
    const chargeId = String(charge['id']);
    const order = await step(id, T.chargeResponseWindow);
    expect(states(order)).toEqual({ order: 'failed', items: ['failed'] });
    const after = await f.s.call('retrieveCharge', { params: { id: chargeId } });
    expect(after.body).toMatchObject({ state: 'timeout', chargeItem: [{ state: 'declinedByBuyer' }] });
    expect(f.trail(chargeId)).toEqual([
      'chargeCreateEvent',
      'chargeStateChangeEvent:timeout',
      'chargeTimeoutEvent',
    ]);
    const late = await f.s.call('patchCharge', {
      params: { id: chargeId },
      body: chargeAnswer(charge as { chargeItem: { id: string }[] }, 'accepted'),
    });
    expect(late.status).toBe(409);
  });

  test('patchCharge errors: 422 unanswered or unknown item (R96), 404, 400', async () => {
    const { charge } = await charged();
    const chargeId = String(charge['id']);
    const wrong = await f.s.call('patchCharge', {
      params: { id: chargeId },
      body: { chargeItem: [{ id: '7', acceptanceIndicator: 'accepted' }] },
    });
    expect(wrong.status).toBe(422);
    expect((wrong.body as Json[]).map((e) => [e['code'], e['propertyPath']])).toEqual([
      ['referenceNotFound', '/chargeItem/0/id'],
      ['missingProperty', '/chargeItem'],
    ]);
    const schema = await f.s.call('patchCharge', { params: { id: chargeId }, body: { chargeItem: [] } });
    expect(schema.status).toBe(422);
    const missing = await f.s.call('patchCharge', {
      params: { id: 'nope' },
      body: { chargeItem: [{ id: '1', acceptanceIndicator: 'accepted' }] },
    });
    expect(missing.status).toBe(404);
    const bad = await f.s.call('patchCharge', { params: { id: chargeId }, body: 'yes' });
    expect(bad.status).toBe(400);
  });
});

test('Seller-initiated cancellation: inProgress → pendingCancellation → cancelled', async () => {
  const id = String((await f.s.createOrder({ externalId: 'SELLERCANCEL-1' }))['id']);
  await step(id, T.acknowledgedToInProgress);
  const pending = await step(id, T.inProgressToDone);
  expect(states(pending)).toEqual({ order: 'pendingCancellation', items: ['pending'] });
  const order = await step(id, T.pendingCancellationToCancelled);
  expect(states(order)).toEqual({ order: 'cancelled', items: ['cancelled'] });
  expect(order).toMatchObject({ cancellationReason: 'Seller withdrew the service' });
  expect(order['cancellationDate']).toBe(new Date(f.s.clock.now()).toISOString());
  expect(f.trail(id).filter((t) => t.startsWith('productOrderStateChangeEvent'))).toEqual([
    'productOrderStateChangeEvent:inProgress',
    'productOrderStateChangeEvent:pendingCancellation',
    'productOrderStateChangeEvent:cancelled',
  ]);
});

test('milestones (CR8/CR9): events while inProgress, history kept on the item', async () => {
  const id = String(
    (await f.s.createOrder({ externalId: 'MILESTONE-1', items: [orderItem({ id: 'm' })] }))['id'],
  );
  await step(id, T.acknowledgedToInProgress);
  const order = await step(id, 2 * T.milestoneEvery);
  const item = (order['productOrderItem'] as Json[])[0] as Json;
  expect((item['milestone'] as Json[]).map((m) => m['name'])).toEqual([
    'siteSurveyDone',
    'equipmentInstalled',
  ]);
  expect(f.trail(id).filter((t) => t.startsWith('productSpecific'))).toEqual([
    'productSpecificProductOrderItemMilestoneEvent[m]:siteSurveyDone',
    'productSpecificProductOrderItemMilestoneEvent[m]:equipmentInstalled',
  ]);
  expect(states(await step(id, T.inProgressToDone))).toEqual({ order: 'completed', items: ['completed'] });
});
