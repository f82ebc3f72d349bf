import request from 'supertest';
import { ManualClock } from '../../src/clock';
import { expandPath, loadApiSpec, type ApiSpec } from '../../src/spec';
import { startSeller, type SellerServer } from '../../emulators/seller';
import { OAUTH_TOKEN_PATH } from '../../emulators/seller/http/auth';
import type { AuthSettings } from '../../emulators/seller/profile/profile-types';
import { conformanceProblems } from '../emulators/seller/support/conformance';
import { orderBody } from '../emulators/seller/support/bodies';
import { profileWith, sharedProducts } from '../emulators/seller/support/seller';

const CLIENTS: AuthSettings['clients'] = [
  { clientId: 'platform', clientSecret: 'platform-secret-1' },
  { clientId: 'buyer-b-portal', clientSecret: 'buyer-b-secret-2', buyerId: 'buyer-b' },
  {
    clientId: 'reader',
    clientSecret: 'reader-secret-3',
    scopes: ['listProductOrder', 'retrieveProductOrder'],
  },
];

let spec: ApiSpec;
let seller: SellerServer;

beforeAll(async () => {
  spec = await loadApiSpec('sonata-v11');
  seller = await startSeller({
    spec,
    clock: new ManualClock(),
    products: sharedProducts(),
    profile: profileWith({
      // The profile loader derives it from auth.mode; a profile built in code says it itself.
      capabilities: { authentication: true },
      auth: {
        mode: 'oauth2',
        clients: CLIENTS,
        tokens: [{ token: 'static-token-for-buyer-c', buyerId: 'buyer-c' }],
        tokenTtl: 60_000,
      },
    }),
  });
});
afterAll(() => seller.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function tokenFor(clientId: string, scope?: string): Promise<string> {
  const client = CLIENTS.find((c) => c.clientId === clientId)!;
  const res = await request(seller.origin)
    .post(OAUTH_TOKEN_PATH)
    .set('Authorization', basic(client.clientId, client.clientSecret))
    .type('form')
    .send({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) });
  expect(res.status).toBe(200);
  return (res.body as { access_token: string }).access_token;
}

/** Calls an operation with an optional Authorization header; checks the answer against the spec. */
async function call(
  operationId: string,
  options: {
    auth?: string;
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
  } = {},
) {
  const op = spec.management.operations.get(operationId)!;
  const qs = new URLSearchParams(options.query ?? {}).toString();
  const url = `${spec.version.managementBasePath}${expandPath(op.path, options.params ?? {})}${qs ? `?${qs}` : ''}`;
  let test = request(seller.origin)[op.method](url);
  if (options.auth) test = test.set('Authorization', options.auth);
  if (options.body !== undefined)
    test = test.set('Content-Type', 'application/json;charset=utf-8').send(JSON.stringify(options.body));
  const res = await test;
  expect(conformanceProblems(spec, operationId, res)).toEqual([]);
  return res;
}

describe('the token endpoint (client credentials, RFC 6749 §4.4)', () => {
  test('issues a bearer token to a client authenticated by HTTP Basic or in the form body', async () => {
    const viaBasic = await request(seller.origin)
      .post(OAUTH_TOKEN_PATH)
      .set('Authorization', basic('platform', 'platform-secret-1'))
      .type('form')
      .send({ grant_type: 'client_credentials' });
    expect(viaBasic.status).toBe(200);
    expect(viaBasic.headers['cache-control']).toBe('no-store');
    expect(viaBasic.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 60 });
    const viaBody = await request(seller.origin)
      .post(OAUTH_TOKEN_PATH)
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: 'platform', client_secret: 'platform-secret-1' });
    expect(viaBody.status).toBe(200);
    expect(viaBody.body.access_token).not.toBe(viaBasic.body.access_token);
  });

  test.each([
    ['a wrong secret', { auth: basic('platform', 'nope-nope-nope') }, 401, 'invalid_client'],
    ['an unknown client', { auth: basic('nobody', 'platform-secret-1') }, 401, 'invalid_client'],
    ['no client authentication', {}, 401, 'invalid_client'],
    [
      'another grant type',
      { auth: basic('platform', 'platform-secret-1'), grant: 'password' },
      400,
      'unsupported_grant_type',
    ],
    [
      'a scope the client may not have',
      { auth: basic('reader', 'reader-secret-3'), scope: 'createProductOrder' },
      400,
      'invalid_scope',
    ],
  ])('refuses %s', async (_name, o: { auth?: string; grant?: string; scope?: string }, status, error) => {
    let test = request(seller.origin).post(OAUTH_TOKEN_PATH).type('form');
    if (o.auth) test = test.set('Authorization', o.auth);
    const res = await test.send({
      grant_type: o.grant ?? 'client_credentials',
      ...(o.scope ? { scope: o.scope } : {}),
    });
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    if (status === 401 && o.auth) expect(res.headers['www-authenticate']).toMatch(/^Basic /);
  });

  test('wants a form body', async () => {
    const res = await request(seller.origin)
      .post(OAUTH_TOKEN_PATH)
      .set('Authorization', basic('platform', 'platform-secret-1'))
      .send({ grant_type: 'client_credentials' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
  });
});

describe('the management API with auth.mode oauth2', () => {
  test('no Authorization header: 401 missingCredentials, an Error401 body and WWW-Authenticate', async () => {
    for (const op of ['listProductOrder', 'createProductOrder', 'retrieveHub', 'patchCharge']) {
      const res = await call(op, { params: { id: 'x' }, body: op.startsWith('list') ? undefined : {} });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('missingCredentials');
      expect(spec.management.schemas.validate('Error401', res.body)).toEqual([]);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    }
  });

  test('an unknown token, another scheme: 401 invalidCredentials with an Error401 body', async () => {
    for (const auth of ['Bearer bogus', 'Basic YTpi', 'Bearer']) {
      const res = await call('listProductOrder', { auth });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalidCredentials');
      expect(spec.management.schemas.validate('Error401', res.body)).toEqual([]);
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    }
  });

  test('a valid token passes; the control API and unknown paths outside the base path are not guarded', async () => {
    const token = await tokenFor('platform');
    const created = await call('createProductOrder', { auth: `Bearer ${token}`, body: orderBody() });
    expect(created.status).toBe(201);
    const info = await request(seller.origin).get('/_lso/control/info');
    expect(info.status).toBe(200);
    expect(info.body.capabilities.authentication).toBe(true);
  });

  test("another Buyer's order: 403 accessDenied; a bound client naming another Buyer: 403 forbiddenRequester", async () => {
    const platform = `Bearer ${await tokenFor('platform')}`;
    const portal = `Bearer ${await tokenFor('buyer-b-portal')}`;
    const forA = await call('createProductOrder', {
      auth: platform,
      query: { buyerId: 'buyer-a' },
      body: orderBody(),
    });
    const forB = await call('createProductOrder', { auth: portal, body: orderBody() });
    expect(forB.status).toBe(201);
    // The bound client's order belongs to its Buyer, whether or not the request names it.
    const asB = await call('retrieveProductOrder', {
      auth: platform,
      params: { id: forB.body.id },
      query: { buyerId: 'buyer-b' },
    });
    expect(asB.status).toBe(200);

    const denied = await call('retrieveProductOrder', { auth: portal, params: { id: forA.body.id } });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('accessDenied');
    expect(spec.management.schemas.validate('Error403', denied.body)).toEqual([]);

    const crossNamed = await call('retrieveProductOrder', {
      auth: platform,
      params: { id: forA.body.id },
      query: { buyerId: 'buyer-z' },
    });
    expect(crossNamed.status).toBe(403);
    expect(crossNamed.body.code).toBe('accessDenied');

    const forbidden = await call('listProductOrder', { auth: portal, query: { buyerId: 'buyer-a' } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbiddenRequester');
    expect(spec.management.schemas.validate('Error403', forbidden.body)).toEqual([]);

    // Lists stay per Buyer: no 403, just the Buyer's own orders.
    const listB = await call('listProductOrder', { auth: portal });
    expect((listB.body as { id: string }[]).map((o) => o.id)).toEqual([forB.body.id]);
    // A static token bound to buyer-c: the same rules.
    const asC = await call('retrieveProductOrder', {
      auth: 'Bearer static-token-for-buyer-c',
      params: { id: forB.body.id },
    });
    expect(asC.status).toBe(403);
  });

  test("a token's scopes limit the operations: 403 accessDenied with insufficient_scope", async () => {
    const reader = `Bearer ${await tokenFor('reader')}`;
    expect((await call('listProductOrder', { auth: reader })).status).toBe(200);
    const res = await call('createProductOrder', { auth: reader, body: orderBody() });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('accessDenied');
    expect(res.headers['www-authenticate']).toContain('insufficient_scope');
    const narrowed = `Bearer ${await tokenFor('platform', 'retrieveProductOrder')}`;
    expect((await call('listProductOrder', { auth: narrowed })).status).toBe(403);
    const all = `Bearer ${await tokenFor('platform', 'default')}`;
    expect((await call('listProductOrder', { auth: all })).status).toBe(200);
  });
});

describe('token lifetime', () => {
  test('an expired token answers 401 invalidCredentials; a new one works', async () => {
    const short = await startSeller({
      spec,
      clock: new ManualClock(),
      products: sharedProducts(),
      profile: profileWith({ auth: { mode: 'oauth2', clients: CLIENTS, tokens: [], tokenTtl: 150 } }),
    });
    try {
      const get = async () => {
        const res = await request(short.origin)
          .post(OAUTH_TOKEN_PATH)
          .set('Authorization', basic('platform', 'platform-secret-1'))
          .type('form')
          .send({ grant_type: 'client_credentials' });
        return `Bearer ${(res.body as { access_token: string }).access_token}`;
      };
      const token = await get();
      const list = `${spec.version.managementBasePath}/productOrder`;
      expect((await request(short.origin).get(list).set('Authorization', token)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      const expired = await request(short.origin).get(list).set('Authorization', token);
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({ code: 'invalidCredentials', reason: 'the access token has expired' });
      expect(
        (
          await request(short.origin)
            .get(list)
            .set('Authorization', await get())
        ).status,
      ).toBe(200);
    } finally {
      await short.close();
    }
  });
});
