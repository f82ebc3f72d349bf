/**
 * The other variants: Sonata v10 / Cantata v5 (MEF 123) and Cantata v6 (Mplify 123.1). Sonata and Cantata
 * differ by base path only; v10/v5 differ on the wire: notification payloads without `state`, with
 * buyerId/sellerId in the payload, `productOrderItemExpectedCompletionDateSet`, and no 422 on the list,
 * PATCH and hub operations (the emulator answers 400 there).
 */
import type { ApiVersionId } from '../../../src/spec';
import { modifyBody, orderBody, type Json } from './support/bodies';
import { startWithListener } from './support/fixture';
import { profileWith, startTestSeller, T } from './support/seller';

const VARIANTS: readonly ApiVersionId[] = ['sonata-v10', 'cantata-v6', 'cantata-v5'];

test.each(VARIANTS)('%s: create, retrieve, list, patch, lifecycle and notifications', async (api) => {
  const f = await startWithListener({ api, buyerId: 'b1' });
  try {
    expect(f.s.server.url.endsWith(f.s.spec.version.managementBasePath)).toBe(true);
    const order = await f.s.createOrder({ items: 2 }, { buyerId: 'b1' });
    const id = String(order['id']);
    expect(order['href']).toBe(`${f.s.server.url}/productOrder/${id}`);
    expect((await f.s.order(id, { buyerId: 'b1' }))['state']).toBe('acknowledged');
    const patched = await f.s.call('patchProductOrder', {
      params: { id },
      query: { buyerId: 'b1' },
      body: { projectId: 'P' },
    });
    expect(patched.status).toBe(200);
    await f.s.advance(T.acknowledgedToInProgress);
    await f.s.advance(T.inProgressToDone);
    const list = await f.s.call('listProductOrder', { query: { buyerId: 'b1', state: 'completed' } });
    expect((list.body as Json[]).map((o) => o['id'])).toEqual([id]);
    const events = f.events(); // each validated against this variant's listener API
    expect(events).toHaveLength(8);
    const prefix = `${f.s.spec.version.notificationBasePath}/listener/`;
    expect(f.listener.received.every((c) => c.path.startsWith(prefix))).toBe(true);
    const v11 = f.s.spec.version.generation === 'mplify-123.1';
    const payloads = events.map((e) => e['event'] as Json);
    if (v11) {
      expect(payloads.filter((p) => p['orderItemId'] === undefined).map((p) => p['state'])).toEqual([
        'inProgress',
        'completed',
      ]);
      expect(payloads.every((p) => p['buyerId'] === undefined)).toBe(true);
      expect(f.listener.received.every((c) => c.query.get('buyerId') === 'b1')).toBe(true);
    } else {
      expect(payloads.every((p) => p['state'] === undefined && p['buyerId'] === 'b1')).toBe(true);
      expect(f.listener.received.every((c) => c.query.toString() === '')).toBe(true);
    }
    const ecd = v11
      ? 'productOrderItemExpectedCompletionDateSetEvent'
      : 'productOrderItemExpectedCompletionDateSet';
    expect(events.filter((e) => e['eventType'] === ecd)).toHaveLength(2);
  } finally {
    await f.close();
  }
});

describe.each(['sonata-v10', 'cantata-v5'] as const)(
  '%s answers 400 where MEF 123 documents no 422',
  (api) => {
    test('PATCH, hub registration and list: 400 with the problems in message', async () => {
      const s = await startTestSeller({
        api,
        profile: profileWith({ pagination: { tooManyRecordsAbove: 1 } }),
      });
      try {
        const id = String((await s.createOrder())['id']);
        const patch = await s.call('patchProductOrder', { params: { id }, body: { note: [{ id: 'n' }] } });
        expect(patch.status).toBe(400);
        expect(patch.body).toMatchObject({
          code: 'invalidBody',
          message: expect.stringContaining('/note/0') as unknown,
        });
        const hub = await s.call('registerListener', { body: { callback: 'nowhere' } });
        expect(hub.status).toBe(400);
        expect(hub.body).toMatchObject({ code: 'invalidBody' });
        await s.createOrder();
        const list = await s.call('listProductOrder');
        expect(list.status).toBe(400);
        expect(list.body).toMatchObject({
          code: 'invalidQuery',
          reason: expect.stringContaining('narrow the filters') as unknown,
        });
        // createProductOrder documents 422 in MEF 123 too.
        const create = await s.call('createProductOrder', { body: orderBody({ items: [] }) });
        expect(create.status).toBe(422);
      } finally {
        await s.close();
      }
    });
  },
);

test('sonata-v11: the modify list documents no 422 either; too many records there is a 400', async () => {
  const s = await startTestSeller({ profile: profileWith({ pagination: { tooManyRecordsAbove: 1 } }) });
  try {
    for (const externalId of ['HOLD-1', 'HOLD-2']) {
      const id = String((await s.createOrder({ externalId }))['id']);
      await s.advance(T.acknowledgedToInProgress);
      await s.call('createModifyProductOrderItemRequestedDeliveryDate', { body: modifyBody(id, '1') });
    }
    const res = await s.call('listModifyProductOrderItemRequestedDeliveryDate');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalidQuery' });
  } finally {
    await s.close();
  }
});
