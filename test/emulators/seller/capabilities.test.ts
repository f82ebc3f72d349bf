/**
 * Capability profiles ([O1], [CR1]–[CR4]): an optional bundle switched off answers 501 notImplemented on
 * each of its operations; the mandatory operations ([R1]) are untouched.
 */
import { ALL_CAPABILITIES, CAPABILITIES, type Capability } from '../../../src/capabilities';
import { orderBody, type Json } from './support/bodies';
import { startWithListener } from './support/fixture';
import { profileWith, startTestSeller, T } from './support/seller';

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
