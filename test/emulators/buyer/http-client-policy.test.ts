import { createHttpClient, type AuthProvider } from '../../../emulators/buyer';
import { serverPool } from './helpers/servers';

describe('http client: redirects, credentials, secrets', () => {
  const servers = serverPool();
  afterEach(() => servers.closeAll());

  test('a 301 loop is recorded as is by default, and stopped when following', async () => {
    const url = await servers.http((req, res) => res.writeHead(301, { location: req.url ?? '/' }).end());
    const plain = createHttpClient({ timeoutMs: 500 });
    const following = createHttpClient({ timeoutMs: 500, maxRedirects: 3 });
    try {
      const once = await plain.send({ method: 'GET', url: `${url}/productOrder` });
      expect(once.exchange.response?.status).toBe(301);
      expect(once.exchange.error).toBeUndefined();
      expect(once.preceding).toHaveLength(0);
      const loop = await following.send({ method: 'GET', url: `${url}/productOrder` });
      expect(loop.exchange.error?.code).toBe('tooManyRedirects');
      expect(loop.exchange.response?.status).toBe(301);
      expect(loop.preceding).toHaveLength(3);
      expect(new Set([loop.exchange.id, ...loop.preceding.map((e) => e.id)]).size).toBe(4);
    } finally {
      plain.close();
      following.close();
    }
  });

  test('same-origin redirects are followed (303 becomes a GET); other origins are not', async () => {
    const other = await servers.http((_req, res) => res.end('{"elsewhere":true}'));
    const url = await servers.http((req, res) => {
      if (req.url === '/create') return res.writeHead(303, { location: '/productOrder/1' }).end();
      if (req.url === '/away') return res.writeHead(302, { location: `${other}/x` }).end();
      res.end(JSON.stringify({ method: req.method }));
    });
    const client = createHttpClient({ timeoutMs: 500, maxRedirects: 2 });
    try {
      const followed = await client.send({ method: 'POST', url: `${url}/create`, body: { a: 1 } });
      expect(followed.json).toEqual({ method: 'GET' });
      expect(followed.exchange.request.url).toBe(`${url}/productOrder/1`);
      expect(followed.preceding[0]?.response?.status).toBe(303);
      const away = await client.send({ method: 'GET', url: `${url}/away` });
      expect(away.exchange.response?.status).toBe(302);
      expect(away.warnings.join()).toMatch(/another origin/);
    } finally {
      client.close();
    }
  });

  test('401, then a credentials refresh, then success', async () => {
    const url = await servers.http((req, res) => {
      if (req.headers.authorization !== 'Bearer fresh-token-2') {
        return res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"code":"invalidCredentials"}');
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    let token = 'stale-token-1';
    const auth: AuthProvider & { refreshes: number } = {
      refreshes: 0,
      headers: () => Promise.resolve({ authorization: `Bearer ${token}` }),
      onUnauthorized() {
        this.refreshes += 1;
        token = 'fresh-token-2';
        return Promise.resolve(true);
      },
    };
    const client = createHttpClient({ auth, secrets: ['stale-token-1', 'fresh-token-2'] });
    try {
      const result = await client.send({ method: 'GET', url });
      expect(result.exchange.response?.status).toBe(200);
      expect(result.json).toEqual([]);
      expect(auth.refreshes).toBe(1);
      expect(result.preceding.map((e) => e.response?.status)).toEqual([401]);
      expect(result.exchange.request.headers['authorization']).toBe('***');
      expect(result.preceding[0]?.request.headers['authorization']).toBe('***');

      // Still refused after the refresh: one retry only, and the last 401 is the answer.
      token = 'revoked';
      auth.onUnauthorized = () => Promise.resolve(true);
      const refused = await client.send({ method: 'GET', url });
      expect(refused.exchange.response?.status).toBe(401);
      expect(refused.preceding).toHaveLength(1);

      // A scenario probing authentication sends none and gets the 401 as is.
      const bare = await client.send({ method: 'GET', url, auth: false });
      expect(bare.exchange.request.headers['authorization']).toBeUndefined();
      expect(bare.preceding).toHaveLength(0);
    } finally {
      client.close();
    }
  });

  test('a failing credentials provider resolves as an error exchange', async () => {
    const client = createHttpClient({
      auth: { headers: () => Promise.reject(new Error('token endpoint down')) },
    });
    const result = await client.send({ method: 'GET', url: 'http://127.0.0.1:9/x' });
    expect(result.exchange.error).toMatchObject({
      code: 'network',
      message: expect.stringMatching(/token endpoint down/),
    });
    client.close();
  });

  test('a body, header or URL echoing the secret is redacted in the exchange', async () => {
    const secret = 's3cr3t-T0ken/+=';
    const url = await servers.http((req, res) => {
      res.setHeader('set-cookie', `session=${secret}`);
      res.setHeader('x-debug', `seen ${req.headers.authorization ?? ''}`);
      res.end(JSON.stringify({ echoed: req.headers.authorization, url: req.url }));
    });
    const client = createHttpClient({
      secrets: [secret],
      auth: { headers: () => Promise.resolve({ authorization: `Bearer ${secret}` }) },
    });
    try {
      const result = await client.send({
        method: 'POST',
        url: `${url}/x?token=${encodeURIComponent(secret)}`,
        body: { note: secret },
        headers: { 'x-api-key': 'k', 'x-custom': secret },
      });
      const recorded = JSON.stringify([result.exchange, result.json]);
      expect(recorded).not.toContain(secret);
      expect(recorded).not.toContain(encodeURIComponent(secret));
      expect(result.exchange.request.url).toBe(`${url}/x?token=***`);
      expect(result.exchange.request.body).toBe('{"note":"***"}');
      expect(result.exchange.request.headers).toMatchObject({ 'x-api-key': '***', 'x-custom': '***' });
      expect(result.exchange.response?.headers).toMatchObject({
        'set-cookie': '***',
        'x-debug': 'seen Bearer ***',
      });
      expect(result.json).toEqual({ echoed: 'Bearer ***', url: '/x?token=***' });
    } finally {
      client.close();
    }
  });
});
