import request from 'supertest';
import { createIdGenerator, createNotificationListener } from '../../../emulators/buyer';
import { loadApiSpec, type ApiSpec, type ApiVersionId } from '../../../src/spec';
import { EVENTS } from './helpers/events';

const JSON_UTF8 = 'application/json;charset=utf-8';

describe.each(['sonata-v11', 'sonata-v10'] as const)('notification listener, %s', (id: ApiVersionId) => {
  const events = EVENTS[id]!;
  let spec: ApiSpec;
  let base: string;
  beforeAll(async () => {
    spec = await loadApiSpec(id);
    base = `${spec.version.notificationBasePath}/listener`;
  });
  const make = (extra: Partial<Parameters<typeof createNotificationListener>[0]> = {}) =>
    createNotificationListener({ spec, ids: createIdGenerator('nt'), ...extra });

  test('a valid event: 204, empty body, recorded', async () => {
    const listener = make();
    const res = await request(listener.app)
      .post(`${base}/productOrderStateChangeEvent?buyerId=B-1&sellerId=S-1`)
      .set('content-type', JSON_UTF8)
      .send(JSON.stringify(events.stateChange));
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    const [received] = listener.notifications();
    expect(received).toMatchObject({
      sequence: 1,
      eventType: 'productOrderStateChangeEvent',
      valid: true,
      violations: [],
      body: events.stateChange,
      query: { buyerId: 'B-1', sellerId: 'S-1' },
      exchange: {
        id: 'nt-0001',
        kind: 'notification',
        operationId: 'productOrderStateChangeEvent',
        request: { method: 'POST', body: JSON.stringify(events.stateChange) },
        response: { status: 204, body: '' },
      },
    });
    expect(received?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('the expected-completion-date event is served at this version’s path only', async () => {
    const listener = make();
    const ok = await request(listener.app).post(`${base}/${events.ecdType}`).send(events.ecd);
    expect(ok.status).toBe(204);
    const wrong = await request(listener.app).post(`${base}/${events.otherEcdType}`).send(events.ecd);
    expect(wrong.status).toBe(404);
    expect(listener.notifications()).toHaveLength(1);
    expect(listener.unrouted()[0]?.request.url).toContain(events.otherEcdType);
  });

  test('a malformed event: 400 with an Error400 body valid against the spec', async () => {
    const listener = make();
    const malformed = { eventId: 'e-1', eventType: 'productOrderStateChangeEvent' };
    const res = await request(listener.app).post(`${base}/productOrderStateChangeEvent`).send(malformed);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe(JSON_UTF8);
    expect(res.body).toMatchObject({ code: 'invalidBody' });
    expect(spec.notification.schemas.validate('Error400', res.body)).toEqual([]);
    const [received] = listener.notifications();
    expect(received?.valid).toBe(false);
    expect(received?.body).toEqual(malformed);
    expect(received?.violations.map((v) => v.pointer)).toEqual(
      expect.arrayContaining(['/event', '/eventTime']),
    );
  });

  test.each([
    ['not JSON', 'application/json', '{"eventId":', 'json'],
    ['empty', 'application/json', '', 'json'],
    ['a wrong content type', 'text/plain', '{}', 'contentType'],
    ['a non-UTF-8 charset', 'application/json; charset=iso-8859-1', '{}', 'contentType'],
  ])('%s: 400 invalidBody, recorded as invalid', async (_name, type, body, keyword) => {
    const listener = make();
    const res = await request(listener.app)
      .post(`${base}/productOrderStateChangeEvent`)
      .set('content-type', type)
      .send(body);
    expect(res.status).toBe(400);
    expect(spec.notification.schemas.validate('Error400', res.body)).toEqual([]);
    expect(listener.notifications()[0]).toMatchObject({ valid: false, violations: [{ keyword }] });
  });

  test('application/json without a charset is accepted', async () => {
    const listener = make();
    const res = await request(listener.app)
      .post(`${base}/productOrderStateChangeEvent`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(events.stateChange));
    expect(res.status).toBe(204);
  });

  test('a body over the cap: 413 with an error body; the default cap is 1 MB', async () => {
    const small = make({ maxBodyBytes: 1024 });
    const padded = { ...events.stateChange, padding: 'x'.repeat(4096) };
    const res = await request(small.app).post(`${base}/productOrderStateChangeEvent`).send(padded);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'invalidBody', reason: expect.stringMatching(/1024/) });
    expect(small.notifications()[0]?.exchange.request).toMatchObject({ bodyTruncated: true });
    expect(small.notifications()[0]?.exchange.request.body).toHaveLength(1024);

    const huge = { ...events.stateChange, padding: 'x'.repeat(2 * 1024 * 1024) };
    const big = await request(make().app).post(`${base}/productOrderStateChangeEvent`).send(huge);
    expect(big.status).toBe(413);
  });

  test('unknown paths: 404; GET on a listener path: 405', async () => {
    const listener = make();
    expect((await request(listener.app).post(`${base}/noSuchEvent`).send({})).status).toBe(404);
    expect((await request(listener.app).post(`/listener/productOrderStateChangeEvent`).send({})).status).toBe(
      404,
    );
    const get = await request(listener.app).get(`${base}/productOrderStateChangeEvent`);
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    expect(listener.notifications()).toHaveLength(0);
    expect(listener.unrouted()).toHaveLength(3);
  });

  test('a bearer token, when required: 401 missing / invalid, Error401-shaped; token never recorded', async () => {
    const listener = make({ auth: { token: 'listener-token-123' } });
    const path = `${base}/productOrderStateChangeEvent`;
    const missing = await request(listener.app).post(path).send(events.stateChange);
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('missingCredentials');
    expect(spec.notification.schemas.validate('Error401', missing.body)).toEqual([]);
    const wrong = await request(listener.app)
      .post(path)
      .set('authorization', 'Bearer nope')
      .send(events.stateChange);
    expect(wrong.body.code).toBe('invalidCredentials');
    const right = await request(listener.app)
      .post(path)
      .set('authorization', 'Bearer listener-token-123')
      .send(events.stateChange);
    expect(right.status).toBe(204);
    expect(listener.notifications().map((n) => n.valid)).toEqual([false, false, true]);
    expect(JSON.stringify(listener.notifications())).not.toContain('listener-token-123');
  });
});

test('v10 endpoints declared */* accept any media type (the spec says so)', async () => {
  const spec = await loadApiSpec('sonata-v10');
  const listener = createNotificationListener({ spec });
  const event = {
    eventId: 'e',
    eventTime: '2026-01-05T09:00:00Z',
    eventType: 'chargeCreateEvent',
    event: { id: 'C-1' },
  };
  const res = await request(listener.app)
    .post(`${spec.version.notificationBasePath}/listener/chargeCreateEvent`)
    .set('content-type', 'text/plain')
    .send(JSON.stringify(event));
  expect(res.status).toBe(204);
});

test('garbage bytes and compressed bodies get a 400, never a crash', async () => {
  const spec = await loadApiSpec('sonata-v11');
  const listener = createNotificationListener({ spec });
  const path = `${spec.version.notificationBasePath}/listener/productOrderStateChangeEvent`;
  // superagent would JSON-encode a Buffer sent as application/json: hand it the bytes as they are.
  const asIs = (body: unknown) => body as string;
  const bytes = await request(listener.app)
    .post(path)
    .set('content-type', JSON_UTF8)
    .serialize(asIs)
    .send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) as unknown as string);
  expect(bytes.status).toBe(400);
  const gzip = await request(listener.app)
    .post(path)
    .set('content-type', JSON_UTF8)
    .set('content-encoding', 'gzip')
    .serialize(asIs)
    .send(Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  expect(gzip.status).toBe(400);
  expect(listener.notifications().map((n) => n.violations[0]?.keyword)).toEqual(['encoding', 'encoding']);
});
