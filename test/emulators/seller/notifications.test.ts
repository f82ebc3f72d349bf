/**
 * Hub registration (UC 15) and notification delivery (UC 16) on Sonata v11: only registered event types
 * ([R108]/[R109]), none for `acknowledged`, none before the create response, item ids on item events,
 * DELETE stops events (queued retries included), retries with backoff, the `eventType` query spellings,
 * buyerId isolation.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ScaledClock } from '../../../src/clock';
import { loadApiSpec } from '../../../src/spec';
import { createSellerApp } from '../../../emulators/seller';
import { hubBody, orderBody, type Json } from './support/bodies';
import { expectConformant, JSON_MEDIA_TYPE } from './support/conformance';
import { startWithListener } from './support/fixture';
import { expectValidCaptures, startCaptureListener } from './support/listener';
import { profileWith, sharedProducts, startTestSeller, T } from './support/seller';

async function waitFor(what: string, condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('hub operations', () => {
  test('register 201, retrieve 200, unregister 204 with no body (R107), then 404', async () => {
    const s = await startTestSeller();
    try {
      const created = await s.call('registerListener', {
        body: hubBody('http://buyer.example/cb', 'eventType=chargeCreateEvent'),
      });
      expect(created.status).toBe(201);
      const hub = created.body as Json;
      expect(hub).toEqual({
        id: expect.any(String) as unknown,
        callback: 'http://buyer.example/cb',
        query: 'eventType=chargeCreateEvent',
      });
      const got = await s.call('retrieveHub', { params: { id: String(hub['id']) } });
      expect(got.body).toEqual(hub);
      expect(
        (await s.call('retrieveHub', { params: { id: String(hub['id']) }, query: { buyerId: 'b2' } })).status,
      ).toBe(404);
      const gone = await s.call('unregisterListener', { params: { id: String(hub['id']) } });
      expect(gone.status).toBe(204);
      expect(gone.text).toBe('');
      expect((await s.call('retrieveHub', { params: { id: String(hub['id']) } })).status).toBe(404);
      expect((await s.call('unregisterListener', { params: { id: String(hub['id']) } })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  test.each([
    [{ callback: 'not a url' }, 'invalidValue', '/callback'],
    [{ callback: 'ftp://buyer.example' }, 'invalidValue', '/callback'],
    [{ query: 'eventType=x' }, 'missingProperty', '/callback'],
    [{ callback: 'http://b', query: 'state=completed' }, 'invalidValue', '/query'],
    [{ callback: 'http://b', query: 'eventType=noSuchEvent' }, 'invalidValue', '/query'],
    [{ callback: 'http://b', query: 'eventType' }, 'invalidValue', '/query'],
    [{ callback: 'http://b', query: 'eventType=%E0%A4%A' }, 'invalidValue', '/query'],
    [{ callback: 'http://b', query: 42 }, 'invalidValue', '/query'],
  ])('registerListener 422 for %j', async (body, code, propertyPath) => {
    const s = await startTestSeller();
    try {
      const res = await s.call('registerListener', { body });
      expect(res.status).toBe(422);
      expect(res.body).toEqual([expect.objectContaining({ code, propertyPath })]);
      expect(s.context.store.hubs.size).toBe(0);
    } finally {
      await s.close();
    }
  });

  test('registerListener 400 for a body that is not a JSON object', async () => {
    const s = await startTestSeller();
    try {
      const res = await s.call('registerListener', { body: 'callback=http://b', contentType: 'text/plain' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalidBody' });
    } finally {
      await s.close();
    }
  });
});

describe('eventType query spellings (R103; TMF630, and the spec example with spaces)', () => {
  const order = 'productOrderStateChangeEvent';
  const item = 'productOrderItemStateChangeEvent';
  test.each([
    [`eventType=${order}`, [order]],
    [`eventType=${order},${item}`, [order, item]],
    [`eventType=${order}&eventType=${item}`, [order, item]],
    [`eventType = ${order} , ${item}`, [order, item]],
    [`eventType=${encodeURIComponent(order)}`, [order]],
    ['', [order, item, 'productOrderItemExpectedCompletionDateSetEvent']],
    [undefined, [order, item, 'productOrderItemExpectedCompletionDateSetEvent']],
  ])('query %j receives exactly %j', async (query, expected) => {
    const f = await startWithListener(query !== undefined ? { query } : {});
    try {
      await f.s.createOrder();
      await f.s.advance(T.acknowledgedToInProgress);
      expect([...new Set(f.events().map((e) => e['eventType']))].sort()).toEqual([...expected].sort());
    } finally {
      await f.close();
    }
  });
});

test('item events carry the order id and the item id; v11 payloads carry the new state', async () => {
  const f = await startWithListener();
  try {
    const order = await f.s.createOrder({ items: 2 });
    await f.s.advance(T.acknowledgedToInProgress);
    const itemEvents = f.events().filter((e) => String(e['eventType']).startsWith('productOrderItem'));
    expect(itemEvents).toHaveLength(4);
    for (const e of itemEvents) {
      expect(e['event']).toMatchObject({
        id: order['id'],
        orderItemId: expect.stringMatching(/^[12]$/) as unknown,
      });
    }
    expect(f.listener.received.every((c) => c.query.toString() === '')).toBe(true);
  } finally {
    await f.close();
  }
});

test('no notification before the create response, even with a zero delay on a real clock', async () => {
  const spec = await loadApiSpec('sonata-v11');
  const clock = new ScaledClock(1);
  const emulator = createSellerApp({
    spec,
    clock,
    products: sharedProducts(),
    profile: profileWith({ timings: { acknowledgedToInProgress: 0 } }),
  });
  const log: string[] = [];
  const listener = await startCaptureListener(() => {
    log.push('notification');
    return 204;
  });
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.endsWith('/productOrder'))
      res.on('finish', () => log.push('create response'));
    emulator.app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  emulator.setBaseUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    const base = spec.version.managementBasePath;
    const hub = await request(server)
      .post(`${base}/hub`)
      .set('Content-Type', JSON_MEDIA_TYPE)
      .send(JSON.stringify(hubBody(listener.url)));
    expectConformant(spec, 'registerListener', hub);
    const created = await request(server)
      .post(`${base}/productOrder`)
      .set('Content-Type', JSON_MEDIA_TYPE)
      .send(JSON.stringify(orderBody()));
    expectConformant(spec, 'createProductOrder', created);
    await waitFor('three notifications', () => listener.received.length >= 3);
    await emulator.context.dispatcher.idle();
    expect(log[0]).toBe('create response');
    expect(log.filter((l) => l === 'notification')).toHaveLength(3);
    expectValidCaptures(spec, listener);
  } finally {
    emulator.close();
    clock.dispose();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await listener.close();
  }
});

test('a manual clock publishes nothing until it moves (the create response is the only notice)', async () => {
  const f = await startWithListener({ profile: profileWith({ timings: { acknowledgedToInProgress: 0 } }) });
  try {
    await f.s.createOrder();
    await f.s.settle();
    expect(f.s.context.dispatcher.stats.published).toBe(0);
    await f.s.advance(0);
    expect(f.events()).toHaveLength(3);
  } finally {
    await f.close();
  }
});

describe('delivery', () => {
  test('retries with exponential backoff on the clock; every attempt recorded; delivered once the listener answers 204', async () => {
    const f = await startWithListener({ query: 'eventType=productOrderStateChangeEvent' });
    try {
      f.listener.respondWith(({ n }) => (n === 0 ? 500 : 204));
      await f.s.createOrder();
      await f.s.settle();
      f.s.clock.advance(T.acknowledgedToInProgress);
      const d = f.s.context.dispatcher;
      await waitFor('the first attempt', () => d.deliveries().length === 1);
      expect(d.isIdle()).toBe(false); // waiting for the retry, on the clock
      f.s.clock.advance(f.s.context.profile.notifications.backoff);
      await d.idle();
      const attempts = d.deliveries().map((a) => [a.attempt, a.status, a.delivered, Date.parse(a.at)]);
      const t0 = Date.parse(d.deliveries()[0]?.at ?? '');
      expect(attempts).toEqual([
        [1, 500, false, t0],
        [2, 204, true, t0 + f.s.context.profile.notifications.backoff],
      ]);
      expect(new Set(d.deliveries().map((a) => a.eventId)).size).toBe(1);
      expect(f.listener.received.map((c) => c.status)).toEqual([500, 204]);
      expect(d.stats).toMatchObject({ delivered: 1, attempts: 2, abandoned: 0 });
    } finally {
      await f.close();
    }
  });

  test('gives up after maxAttempts, the delays doubling (2 s, 4 s)', async () => {
    const f = await startWithListener({ query: 'eventType=productOrderStateChangeEvent' });
    try {
      f.listener.respondWith(() => 503);
      await f.s.createOrder();
      await f.s.settle();
      f.s.clock.advance(T.acknowledgedToInProgress);
      const d = f.s.context.dispatcher;
      const backoff = f.s.context.profile.notifications.backoff;
      await waitFor('attempt 1', () => d.deliveries().length === 1);
      f.s.clock.advance(backoff);
      await waitFor('attempt 2', () => d.deliveries().length === 2);
      f.s.clock.advance(2 * backoff);
      await d.idle();
      const times = d.deliveries().map((a) => Date.parse(a.at));
      expect(times.map((t) => t - (times[0] ?? 0))).toEqual([0, backoff, 3 * backoff]);
      expect(d.stats).toMatchObject({ delivered: 0, attempts: 3, abandoned: 1 });
    } finally {
      await f.close();
    }
  });

  test('DELETE /hub stops events, including queued ones and a pending retry (R108)', async () => {
    const f = await startWithListener();
    try {
      f.listener.respondWith(() => 500);
      const order = await f.s.createOrder();
      await f.s.settle();
      f.s.clock.advance(T.acknowledgedToInProgress); // three events queued for the hub
      const d = f.s.context.dispatcher;
      await waitFor('attempt 1', () => d.deliveries().length === 1);
      expect((await f.s.call('unregisterListener', { params: { id: f.hubId } })).status).toBe(204);
      await d.idle(); // the pending retry is abandoned at once
      f.listener.respondWith(() => 204);
      await f.s.advance(T.inProgressToDone);
      expect((await f.s.order(String(order['id'])))['state']).toBe('completed');
      expect(f.listener.received).toHaveLength(1);
    } finally {
      await f.close();
    }
  });

  test('buyerId: a hub hears only its own Buyer’s orders; v11 puts buyerId on the listener URL', async () => {
    const f = await startWithListener({
      buyerId: 'buyer-2',
      query: 'eventType=productOrderStateChangeEvent',
    });
    try {
      await f.s.createOrder({ externalId: 'DEFAULT-BUYER' });
      const mine = await f.s.createOrder({ externalId: 'B2' }, { buyerId: 'buyer-2' });
      await f.s.advance(T.acknowledgedToInProgress);
      expect(f.events().map((e) => (e['event'] as Json)['id'])).toEqual([mine['id']]);
      expect(f.listener.received.map((c) => c.query.get('buyerId'))).toEqual(['buyer-2']);
    } finally {
      await f.close();
    }
  });

  test('an unreachable callback is recorded as an error, never a crash', async () => {
    const s = await startTestSeller({ profile: profileWith({ notifications: { maxAttempts: 1 } }) });
    try {
      const dead = await startCaptureListener();
      await dead.close(); // nothing listens there any more
      await s.call('registerListener', { body: hubBody(dead.url) });
      await s.createOrder();
      await s.advance(T.acknowledgedToInProgress);
      expect(s.context.dispatcher.deliveries().every((a) => !a.delivered && a.error !== undefined)).toBe(
        true,
      );
      expect((await s.call('listProductOrder')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
