import * as net from 'node:net';
import request from 'supertest';
import {
  createHttpClient,
  createNotificationListener,
  type NotificationListener,
} from '../../../emulators/buyer';
import { ManualClock } from '../../../src/clock';
import { loadApiSpec, type ApiSpec } from '../../../src/spec';
import { EVENTS } from './helpers/events';

const v11 = EVENTS['sonata-v11']!;
const orderEvent = (id: string, state: string) => ({
  ...v11.stateChange,
  eventId: `evt-${id}-${state}`,
  event: { id, state },
});

describe('notification listener: waiting, bounds, serving', () => {
  let spec: ApiSpec;
  let path: string;
  beforeAll(async () => {
    spec = await loadApiSpec('sonata-v11');
    path = `${spec.version.notificationBasePath}/listener/productOrderStateChangeEvent`;
  });
  const post = (listener: NotificationListener, body: unknown) =>
    request(listener.app)
      .post(path)
      .send(body as object);
  const forOrder = (id: string) => (n: { body?: unknown }) =>
    (n.body as { event?: { id?: string } }).event?.id === id;

  test('waitFor finds past events and awaits future ones', async () => {
    const listener = createNotificationListener({ spec });
    await post(listener, orderEvent('PO-1', 'inProgress'));
    const past = await listener.waitFor(forOrder('PO-1'), { timeoutMs: 1000 });
    expect(past?.sequence).toBe(1);
    const future = listener.waitFor(forOrder('PO-2'), { timeoutMs: 5000 });
    await post(listener, orderEvent('PO-2', 'completed'));
    expect((await future)?.body).toEqual(orderEvent('PO-2', 'completed'));
  });

  test('waitFor resolves undefined at the timeout, on the listener’s clock', async () => {
    const clock = new ManualClock();
    const listener = createNotificationListener({ spec, clock });
    const pending = listener.waitFor(forOrder('PO-9'), { timeoutMs: 30_000 });
    clock.advance(29_999);
    await post(listener, orderEvent('PO-1', 'inProgress'));
    clock.advance(1);
    await expect(pending).resolves.toBeUndefined();
  });

  test('a real-time timeout and an abort signal both end the wait', async () => {
    const listener = createNotificationListener({ spec });
    const started = Date.now();
    expect(await listener.waitFor(() => false, { timeoutMs: 100 })).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const controller = new AbortController();
    const aborted = listener.waitFor(() => false, { signal: controller.signal });
    controller.abort();
    await expect(aborted).resolves.toBeUndefined();
  });

  test('consume: two identical events satisfy two awaits, and no more', async () => {
    const listener = createNotificationListener({ spec });
    const isInProgress = (n: { body?: unknown }) =>
      (n.body as { event?: { state?: string } }).event?.state === 'inProgress';
    await post(listener, orderEvent('PO-1', 'inProgress'));
    const first = await listener.waitFor(isInProgress, { consume: true, timeoutMs: 5000 });
    expect(first?.sequence).toBe(1);
    const second = listener.waitFor(isInProgress, { consume: true, timeoutMs: 5000 });
    await post(listener, orderEvent('PO-1', 'inProgress'));
    expect((await second)?.sequence).toBe(2);
    expect(await listener.waitFor(isInProgress, { consume: true, timeoutMs: 50 })).toBeUndefined();
    // A non-consuming wait only looks.
    await post(listener, orderEvent('PO-1', 'inProgress'));
    expect((await listener.waitFor(isInProgress, { timeoutMs: 50 }))?.sequence).toBe(3);
    expect((await listener.waitFor(isInProgress, { timeoutMs: 50 }))?.sequence).toBe(3);
  });

  test('a filter that throws is a non-match, not a crash', async () => {
    const listener = createNotificationListener({ spec });
    await post(listener, { nonsense: true });
    const boom = () => {
      throw new Error('author bug');
    };
    expect(await listener.waitFor(boom, { timeoutMs: 20 })).toBeUndefined();
  });

  test('the memory bound drops the oldest and counts the drops', async () => {
    const listener = createNotificationListener({ spec, maxNotifications: 3 });
    for (let i = 1; i <= 5; i++) await post(listener, orderEvent(`PO-${i}`, 'inProgress'));
    expect(listener.notifications().map((n) => n.sequence)).toEqual([3, 4, 5]);
    expect(listener.dropped()).toBe(2);
    listener.clear();
    expect(listener.notifications()).toEqual([]);
    await post(listener, orderEvent('PO-6', 'inProgress'));
    expect(listener.notifications()[0]?.sequence).toBe(6);
  });

  test('listen on a free loopback port: the Seller’s URL is callback + base path + /listener/{eventType}', async () => {
    const listener = createNotificationListener({ spec });
    const handle = await listener.listen({ port: 0 });
    const client = createHttpClient({ timeoutMs: 1000 });
    try {
      expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(listener.callbackBase()).toBe(handle.url);
      const url = `${listener.callbackBase()}${path}`;
      expect(listener.eventUrl('productOrderStateChangeEvent')).toBe(url);
      const pending = listener.waitFor(() => true, { timeoutMs: 5000 });
      const sent = await client.send({ method: 'POST', url, body: orderEvent('PO-1', 'inProgress') });
      expect(sent.exchange.response?.status).toBe(204);
      expect((await pending)?.exchange.request.url).toBe(url);
      const waiting = listener.waitFor(() => false);
      await handle.close();
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      client.close();
      await handle.close();
    }
  });

  test('a Seller hanging up mid-body is recorded, and the listener keeps serving', async () => {
    const listener = createNotificationListener({ spec });
    const handle = await listener.listen();
    try {
      const { port } = new URL(handle.url);
      const recorded = listener.waitFor(() => true, { timeoutMs: 5000 });
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n`);
        socket.write('content-length: 100\r\n\r\n{"eventId":');
        setTimeout(() => socket.destroy(), 20);
      });
      const notification = await recorded;
      expect(notification).toMatchObject({ valid: false, violations: [{ keyword: 'aborted' }] });
      expect(notification?.exchange.error?.code).toBe('connectionReset');
      expect(notification?.exchange.request.body).toBe('{"eventId":');
      expect((await request(handle.url).post(path).send(orderEvent('PO-1', 'completed'))).status).toBe(204);
    } finally {
      await handle.close();
    }
  });

  test('a configured callback URL wins over the bound address', () => {
    const listener = createNotificationListener({ spec, callbackUrl: 'https://buyer.example/hooks/' });
    expect(listener.callbackBase()).toBe('https://buyer.example/hooks');
    expect(() => createNotificationListener({ spec }).callbackBase()).toThrow(/not listening/);
  });
});
