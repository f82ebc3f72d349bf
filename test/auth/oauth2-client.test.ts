import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  bearerAuth,
  createHttpClient,
  oauth2ClientCredentials,
  type OAuth2ClientCredentialsOptions,
} from '../../emulators/buyer';

/** A token endpoint and an API in one server, scripted per test. */
interface FakeServer {
  readonly url: string;
  /** Form bodies and Authorization headers the token endpoint received. */
  readonly tokenRequests: { form: URLSearchParams; authorization?: string }[];
  /** Authorization headers the API received. */
  readonly apiCalls: (string | undefined)[];
  issued: string[];
  /** How the token endpoint answers the nth request (from 0). */
  token: (n: number) => { status: number; body: unknown };
  /** Which tokens the API accepts right now. */
  accepts: (token: string) => boolean;
  close(): Promise<void>;
}

async function startFake(): Promise<FakeServer> {
  const fake: Omit<FakeServer, 'url' | 'close'> = {
    tokenRequests: [],
    apiCalls: [],
    issued: [],
    token: (n) => ({
      status: 200,
      body: { access_token: `tok-${n}-abcdef`, token_type: 'Bearer', expires_in: 3600 },
    }),
    accepts: () => true,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/token') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const n = fake.tokenRequests.length;
        fake.tokenRequests.push({
          form,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
        const answer = fake.token(n);
        const issued = (answer.body as { access_token?: string }).access_token;
        if (issued) fake.issued.push(issued);
        return send(answer.status, answer.body);
      }
      fake.apiCalls.push(req.headers.authorization);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !fake.accepts(token)) return send(401, { code: 'invalidCredentials', reason: 'no' });
      send(200, []);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

let fake: FakeServer;
beforeEach(async () => (fake = await startFake()));
afterEach(() => fake.close());

function setUp(extra: Partial<OAuth2ClientCredentialsOptions> = {}) {
  const secrets: string[] = [];
  const provider = oauth2ClientCredentials({
    tokenUrl: `${fake.url}/token`,
    clientId: 'buyer one',
    clientSecret: 's3cret:with/odd+chars',
    registerSecret: (s) => secrets.push(s),
    ...extra,
  });
  const client = createHttpClient({ auth: provider, secrets });
  const list = () => client.send({ method: 'GET', url: `${fake.url}/api/productOrder` });
  return {
    provider,
    secrets,
    client,
    list,
    done: () => {
      client.close();
      provider.close();
    },
  };
}

describe('oauth2ClientCredentials', () => {
  test('fetches a token with HTTP Basic (form-encoded id and secret), caches it, and registers the secrets', async () => {
    const { provider, secrets, list, done } = setUp({ scope: 'default', audience: 'https://seller.example' });
    try {
      for (let i = 0; i < 5; i++) expect((await list()).exchange.response?.status).toBe(200);
      expect(fake.tokenRequests).toHaveLength(1);
      const [first] = fake.tokenRequests;
      expect(Object.fromEntries(first!.form)).toEqual({
        grant_type: 'client_credentials',
        scope: 'default',
        audience: 'https://seller.example',
      });
      const decoded = Buffer.from(first!.authorization!.replace('Basic ', ''), 'base64').toString('utf8');
      expect(decoded).toBe('buyer+one:s3cret%3Awith%2Fodd%2Bchars');
      expect(fake.apiCalls.every((a) => a === 'Bearer tok-0-abcdef')).toBe(true);
      expect(secrets).toEqual(['s3cret:with/odd+chars', 'tok-0-abcdef']);
      expect(provider.stats).toEqual({ fetches: 1, refreshesOn401: 0, failures: 0 });
    } finally {
      done();
    }
  });

  test('sends the credentials in the form body when asked (client_secret_post)', async () => {
    const { list, done } = setUp({ clientAuth: 'body' });
    try {
      await list();
      const [first] = fake.tokenRequests;
      expect(first!.authorization).toBeUndefined();
      expect(first!.form.get('client_id')).toBe('buyer one');
      expect(first!.form.get('client_secret')).toBe('s3cret:with/odd+chars');
    } finally {
      done();
    }
  });

  test('concurrent requests share one token request', async () => {
    const { list, done } = setUp();
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => list()));
      expect(results.map((r) => r.exchange.response?.status)).toEqual(Array(10).fill(200));
      expect(fake.tokenRequests).toHaveLength(1);
    } finally {
      done();
    }
  });

  test('renews the token shortly before expires_in runs out', async () => {
    let now = 1_000_000;
    fake.token = (n) => ({
      status: 200,
      body: { access_token: `tok-${n}-abcdef`, token_type: 'bearer', expires_in: 100 },
    });
    const { list, done } = setUp({ now: () => now });
    try {
      await list();
      now += 89_000; // 100 s of life, renewed 10 s (a tenth) early
      await list();
      expect(fake.tokenRequests).toHaveLength(1);
      now += 2_000;
      await list();
      expect(fake.tokenRequests).toHaveLength(2);
      expect(fake.apiCalls).toEqual(['Bearer tok-0-abcdef', 'Bearer tok-0-abcdef', 'Bearer tok-1-abcdef']);
    } finally {
      done();
    }
  });

  test('a 401 refreshes the token once and the request is retried once', async () => {
    fake.accepts = (t) => t !== 'tok-0-abcdef';
    const { provider, list, done } = setUp();
    try {
      const result = await list();
      expect(result.exchange.response?.status).toBe(200);
      expect(result.preceding.map((e) => e.response?.status)).toEqual([401]);
      expect(result.preceding[0]?.request.headers['authorization']).toBe('***');
      expect(fake.apiCalls).toEqual(['Bearer tok-0-abcdef', 'Bearer tok-1-abcdef']);
      expect(provider.stats).toEqual({ fetches: 2, refreshesOn401: 1, failures: 0 });
      // A Seller that refuses every token: one refresh, one retry, then its 401 is the answer.
      fake.accepts = () => false;
      const refused = await list();
      expect(refused.exchange.response?.status).toBe(401);
      expect(refused.preceding).toHaveLength(1);
      expect(fake.tokenRequests).toHaveLength(3);
    } finally {
      done();
    }
  });

  test('concurrent 401s on the same expired token renew it once', async () => {
    fake.accepts = (t) => t !== 'tok-0-abcdef';
    const { list, done } = setUp();
    try {
      await Promise.all(Array.from({ length: 6 }, () => list()));
      expect(fake.tokenRequests).toHaveLength(2);
    } finally {
      done();
    }
  });

  test('a bad client secret: the request is not sent, the answer says why, nothing throws, nothing leaks', async () => {
    fake.token = () => ({
      status: 401,
      body: { error: 'invalid_client', error_description: 'bad secret s3cret:with/odd+chars' },
    });
    const { provider, list, done } = setUp();
    try {
      const result = await list();
      expect(result.exchange.response).toBeUndefined();
      expect(result.exchange.error?.message).toBe(
        `request not sent: OAuth2 token endpoint ${fake.url}/token refused the client credentials grant: HTTP 401 invalid_client (bad secret ***)`,
      );
      expect(fake.apiCalls).toHaveLength(0);
      // The failure is remembered briefly: a burst of requests does not hammer the token endpoint.
      await list();
      expect(fake.tokenRequests).toHaveLength(1);
      expect(provider.stats.failures).toBe(1);
    } finally {
      done();
    }
  });

  test('answers that are not tokens are refused with a clear message', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ token_type: 'Bearer' }, 200, /answered 200 without an access_token/],
      [{ access_token: 'x', token_type: 'mac' }, 200, /issued a mac token; only Bearer is supported/],
      ['<html>oops</html>', 500, /HTTP 500: "<html>oops<\/html>"/],
    ];
    for (const [body, status, message] of cases) {
      fake.token = () => ({ status, body });
      const { list, done } = setUp();
      try {
        expect((await list()).exchange.error?.message).toMatch(message);
      } finally {
        done();
      }
    }
    const unreachable = oauth2ClientCredentials({
      tokenUrl: 'http://127.0.0.1:1/token',
      clientId: 'a',
      clientSecret: 'b',
    });
    const client = createHttpClient({ auth: unreachable });
    try {
      const result = await client.send({ method: 'GET', url: `${fake.url}/api` });
      expect(result.exchange.error?.message).toMatch(
        /OAuth2 token request to http:\/\/127.0.0.1:1\/token failed: ECONNREFUSED/,
      );
    } finally {
      client.close();
      unreachable.close();
    }
  });
});

describe('bearerAuth', () => {
  test('sends the token; a 401 is the answer (nothing to renew)', async () => {
    fake.accepts = (t) => t === 'static-token-1';
    const client = createHttpClient({ auth: bearerAuth('static-token-1'), secrets: ['static-token-1'] });
    try {
      const ok = await client.send({ method: 'GET', url: `${fake.url}/api` });
      expect(ok.exchange.response?.status).toBe(200);
      expect(ok.exchange.request.headers['authorization']).toBe('***');
      fake.accepts = () => false;
      const refused = await client.send({ method: 'GET', url: `${fake.url}/api` });
      expect(refused.exchange.response?.status).toBe(401);
      expect(refused.preceding).toHaveLength(0);
    } finally {
      client.close();
    }
  });
});
