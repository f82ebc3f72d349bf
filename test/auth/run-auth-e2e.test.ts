import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { startSeller, type SellerServer } from '../../emulators/seller';
import { OAUTH_TOKEN_PATH } from '../../emulators/seller/http/auth';
import { ScaledClock } from '../../src/clock';
import { loadApiSpec } from '../../src/spec';
import { profileWith, sharedProducts } from '../emulators/seller/support/seller';
import { ROOT, runBin, tempDir, type BinResult } from '../support/run-bin';

const FIXTURES = path.join(ROOT, 'test/fixtures/auth');
const SECRET = 'e2e-client-secret-7f3a9c';
const CLIENTS = [{ clientId: 'harness', clientSecret: SECRET }];

interface Results {
  status: string;
  summary: { passed: number; failed: number; errored: number; notApplicable: number };
  manifest: { options: Record<string, unknown> };
  scenarios: {
    id: string;
    status: string;
    tags: string[];
    findings: { code: string; message: string }[];
    steps: {
      status: string;
      message?: string;
      findings: { code: string; message: string }[];
      exchanges: {
        request: { headers: Record<string, string> };
        response?: { headers: Record<string, string> };
      }[];
    }[];
  }[];
}

const readResults = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;

/** Every form in which a secret could leak: as is, URL-encoded, JSON-escaped, base64 (a Basic header). */
function leaks(texts: readonly string[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets)
    for (const form of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])
      if (texts.some((t) => t.includes(form))) found.push(form);
  return found;
}

function outputs(dir: string, out: BinResult): string[] {
  return [
    out.stdout,
    out.stderr,
    ...fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  ];
}

/**
 * A careless gateway in front of a Seller: it echoes the caller's Authorization header in a response
 * header (so an unredacted report would show every token), records the tokens the token endpoint
 * issues, and, when told to, refuses the client with an error that quotes the secret it was sent.
 */
async function startLeakyProxy(target: string, refuseSecret = false) {
  const tokens: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (refuseSecret && req.url === OAUTH_TOKEN_PATH) {
        const basic = Buffer.from(
          (req.headers.authorization ?? '').replace(/^Basic /, ''),
          'base64',
        ).toString();
        const secret = decodeURIComponent(basic.slice(basic.indexOf(':') + 1));
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_client', error_description: `secret ${secret} is wrong` }));
        return;
      }
      const upstream = http.request(
        `${target}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const text = Buffer.concat(body).toString('utf8');
            if (req.url === OAUTH_TOKEN_PATH && up.statusCode === 200)
              tokens.push((JSON.parse(text) as { access_token: string }).access_token);
            const headers = {
              ...up.headers,
              ...(req.headers.authorization ? { 'x-echo': req.headers.authorization } : {}),
            };
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(text);
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function startAuthSeller(notificationsToken?: string): Promise<SellerServer> {
  return startSeller({
    spec: await loadApiSpec('sonata-v11'),
    clock: new ScaledClock(36_000),
    products: sharedProducts(),
    profile: profileWith({
      capabilities: { authentication: true },
      auth: { mode: 'oauth2', clients: CLIENTS, tokens: [], tokenTtl: 3_600_000 },
      notifications: { maxAttempts: 1, ...(notificationsToken ? { bearerToken: notificationsToken } : {}) },
    }),
  });
}

const BASE = '/mefApi/sonata/productOrderingManagement/v11';

describe('lso-harness run with OAuth2 client credentials', () => {
  let seller: SellerServer | undefined;
  let proxy: Awaited<ReturnType<typeof startLeakyProxy>> | undefined;
  afterEach(async () => {
    await proxy?.close();
    await seller?.close();
    proxy = undefined;
    seller = undefined;
  });

  test('against a target: tokens fetched and used, the security scenarios pass, no token or secret in any output', async () => {
    seller = await startAuthSeller();
    proxy = await startLeakyProxy(seller.origin);
    const dir = tempDir('lso-auth-');
    const out = await runBin(
      [
        'run',
        path.join(FIXTURES, 'create-and-list.yaml'),
        path.join(ROOT, 'scenarios/security'),
        '--target',
        `${proxy.origin}${BASE}`,
        '--oauth2-token-url',
        `${proxy.origin}${OAUTH_TOKEN_PATH}`,
        '--oauth2-client-id',
        'harness',
        '--oauth2-client-secret-env',
        'E2E_SECRET',
        '--report-dir',
        dir,
      ],
      { E2E_SECRET: SECRET },
    );
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const results = readResults(dir);
    const ran = results.scenarios
      .filter((s) => s.status !== 'notApplicable')
      .map((s) => `${s.id} ${s.status}`);
    expect(ran.sort()).toEqual([
      'AUTH-E2E-001 passed',
      'SEC-AUTH-001 passed',
      'SEC-AUTH-002 passed',
      'SEC-AUTHZ-001 passed',
    ]);
    expect(results.manifest.options).toMatchObject({ auth: 'oauth2', authSource: 'flags' });
    expect(proxy.tokens.length).toBeGreaterThanOrEqual(1);
    // The gateway echoed every token in x-echo: the reports show it masked.
    const echoed = results.scenarios.flatMap((s) =>
      s.steps.flatMap((st) => st.exchanges.map((e) => e.response?.headers['x-echo'])),
    );
    // (The scenarios' own bogus and Basic credentials are not secrets and show as sent.)
    expect(echoed).toContain('Bearer ***');
    expect(leaks(outputs(dir, out), [SECRET, ...proxy.tokens])).toEqual([]);
  });

  test('a client secret the token endpoint refuses: errored steps that say why, exit 3, the secret nowhere', async () => {
    seller = await startAuthSeller();
    proxy = await startLeakyProxy(seller.origin, true);
    const dir = tempDir('lso-auth-');
    const out = await runBin(
      [
        'run',
        path.join(FIXTURES, 'create-and-list.yaml'),
        '--target',
        `${proxy.origin}${BASE}`,
        '--oauth2-token-url',
        `${proxy.origin}${OAUTH_TOKEN_PATH}`,
        '--oauth2-client-id',
        'harness',
        '--oauth2-client-secret-env',
        'E2E_SECRET',
        '--report-dir',
        dir,
      ],
      { E2E_SECRET: SECRET },
    );
    expect(out.code).toBe(3);
    const [scenario] = readResults(dir).scenarios;
    expect(scenario?.status).toBe('errored');
    const finding = scenario?.steps[0]?.findings[0];
    expect(finding?.code).toBe('harness.requestNotSent');
    expect(finding?.message).toBe(
      `createProductOrder: request not sent: OAuth2 token endpoint ${proxy.origin}${OAUTH_TOKEN_PATH} refused the client credentials grant: HTTP 401 invalid_client (secret *** is wrong)`,
    );
    expect(out.stdout).toContain('invalid_client');
    expect(leaks(outputs(dir, out), [SECRET])).toEqual([]);
  });

  test('the whole catalog runs authenticated through OAuth2 against the embedded Seller with auth-oauth2.yaml', async () => {
    const dir = tempDir('lso-auth-');
    const out = await runBin(
      [
        'run',
        '--seller-profile',
        path.join(ROOT, 'scenarios/profiles/auth-oauth2.yaml'),
        '--report-dir',
        dir,
      ],
      {},
      120_000,
    );
    expect(out.code).toBe(0);
    const results = readResults(dir);
    expect(results.summary.failed + results.summary.errored).toBe(0);
    expect(results.manifest.options).toMatchObject({
      auth: 'oauth2',
      authSource: 'profile',
      listenerAuth: true,
    });
    const security = results.scenarios.filter((s) => s.tags.includes('security'));
    expect(security.map((s) => s.status)).toEqual(Array(5).fill('passed'));
    const profileSecrets = fs
      .readFileSync(path.join(ROOT, 'scenarios/profiles/auth-oauth2.yaml'), 'utf8')
      .match(/(?<=(clientSecret|bearerToken): )\S+/g);
    expect(profileSecrets).toHaveLength(4);
    expect(leaks(outputs(dir, out), profileSecrets ?? [])).toEqual([]);
  }, 150_000);

  test('bad flags are reported together, exit 2, no secret echoed', async () => {
    const out = await runBin(
      [
        'run',
        '--target',
        'not a url',
        '--oauth2-client-id',
        'x',
        '--oauth2-client-secret',
        'on-the-command-line-123',
        '--token-env',
        'SOME_TOKEN',
        '--cert',
        'client.pem',
        '--ca',
        '/nonexistent/ca.pem',
        '--oauth2-client-auth',
        'digest',
        '--listener-token-env',
        'UNSET_LISTENER_TOKEN',
      ],
      { SOME_TOKEN: 'tok' },
    );
    expect(out.code).toBe(2);
    for (const expected of [
      '--target must be an absolute http(s) URL',
      '--oauth2-client-secret is not accepted',
      'choose one way to authenticate',
      '--oauth2-token-url is required',
      '--oauth2-client-auth must be basic or body',
      '--cert and --key go together',
      'cannot read --ca /nonexistent/ca.pem: ENOENT',
      '--listener-token-env UNSET_LISTENER_TOKEN: the variable is empty or not set',
    ])
      expect(out.stderr).toContain(expected);
    expect(out.stderr).not.toContain('on-the-command-line-123');
  });
});

describe('lso-harness run --listener-token-env', () => {
  let seller: SellerServer | undefined;
  afterEach(async () => {
    await seller?.close();
    seller = undefined;
  });

  const run = (url: string, dir: string, token: string) =>
    runBin(
      [
        'run',
        path.join(FIXTURES, 'listener-token.yaml'),
        '--target',
        url,
        '--capabilities',
        'notifications',
        '--oauth2-token-url',
        `${new URL(url).origin}${OAUTH_TOKEN_PATH}`,
        '--oauth2-client-id',
        'harness',
        '--oauth2-client-secret-env',
        'E2E_SECRET',
        '--time-scale',
        '36000',
        '--listener-token-env',
        'LISTENER_TOKEN',
        '--report-dir',
        dir,
      ],
      { E2E_SECRET: SECRET, LISTENER_TOKEN: token },
    );

  test('a Seller that sends the token is heard; one that does not is refused with 401 and a finding', async () => {
    seller = await startAuthSeller('listener-token-for-e2e');
    const good = tempDir('lso-auth-');
    const ok = await run(seller.url, good, 'listener-token-for-e2e');
    expect(ok.code).toBe(0);
    expect(readResults(good).manifest.options['listenerAuth']).toBe(true);

    const bad = tempDir('lso-auth-');
    const refused = await run(seller.url, bad, 'a-token-the-seller-lacks');
    expect(refused.code).toBe(1);
    const [scenario] = readResults(bad).scenarios;
    expect(scenario?.findings.map((f) => f.code)).toContain('notification.unauthenticated');
    expect(scenario?.findings.find((f) => f.code === 'notification.unauthenticated')?.message).toBe(
      'productOrderStateChangeEvent event refused with 401: The bearer token is not valid',
    );
    expect(
      leaks(outputs(bad, refused), ['a-token-the-seller-lacks', 'listener-token-for-e2e', SECRET]),
    ).toEqual([]);
  });

  test('the embedded Seller is given the listener token', async () => {
    const dir = tempDir('lso-auth-');
    const out = await runBin(
      [
        'run',
        path.join(FIXTURES, 'listener-token.yaml'),
        '--listener-token-env',
        'LISTENER_TOKEN',
        '--report-dir',
        dir,
      ],
      { LISTENER_TOKEN: 'embedded-listener-token' },
    );
    expect(out.code).toBe(0);
    expect(leaks(outputs(dir, out), ['embedded-listener-token'])).toEqual([]);
  });
});
