import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createSellerApp } from '../../emulators/seller';
import { OAUTH_TOKEN_PATH } from '../../emulators/seller/http/auth';
import { ScaledClock } from '../../src/clock';
import { loadApiSpec } from '../../src/spec';
import { profileWith, sharedProducts } from '../emulators/seller/support/seller';
import { ROOT, runBin, tempDir } from '../support/run-bin';

/**
 * TLS to the target: a private CA, a Seller certificate it signed for 127.0.0.1 and a client certificate,
 * all made here with the openssl command line (Node has no X.509 writer). No openssl: the suite fails
 * and says so, rather than skipping.
 */
interface Pki {
  readonly dir: string;
  readonly file: (name: string) => string;
  readonly read: (name: string) => string;
}

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makePki(): Pki {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
  } catch {
    throw new Error(
      'the TLS tests need the openssl command line to make a test CA and certificates (Debian: apt-get install openssl)',
    );
  }
  const dir = tempDir('lso-tls-');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=lso-harness test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const leaf = (name: string, subject: string, ext: string) => {
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
    openssl(dir, ['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    ]);
  };
  leaf(
    'server',
    '/CN=127.0.0.1',
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  leaf('client', '/CN=lso-harness buyer', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
  return { dir, file: (n) => path.join(dir, n), read: (n) => fs.readFileSync(path.join(dir, n), 'utf8') };
}

const SECRET = 'tls-client-secret-0001';
const BASE = '/mefApi/sonata/productOrderingManagement/v11';
const SCENARIO = path.join(ROOT, 'test/fixtures/auth/create-and-list.yaml');

let pki: Pki;
beforeAll(() => {
  pki = makePki();
});
afterAll(() => fs.rmSync(pki.dir, { recursive: true, force: true }));

/** The Seller emulator (OAuth2, token endpoint included) behind https with the test CA's certificate. */
async function startHttpsSeller(requireClientCert: boolean) {
  const emulator = createSellerApp({
    spec: await loadApiSpec('sonata-v11'),
    clock: new ScaledClock(36_000),
    products: sharedProducts(),
    profile: profileWith({
      capabilities: { authentication: true },
      auth: {
        mode: 'oauth2',
        clients: [{ clientId: 'harness', clientSecret: SECRET }],
        tokens: [],
        tokenTtl: 3_600_000,
      },
    }),
  });
  const server = https.createServer(
    {
      key: pki.read('server.key'),
      cert: pki.read('server.pem'),
      ...(requireClientCert ? { requestCert: true, rejectUnauthorized: true, ca: pki.read('ca.pem') } : {}),
    },
    emulator.app,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setBaseUrl(origin);
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Seller = Awaited<ReturnType<typeof startHttpsSeller>>;

function run(seller: Seller, dir: string, extra: readonly string[]) {
  return runBin(
    [
      'run',
      SCENARIO,
      '--target',
      `${seller.origin}${BASE}`,
      '--oauth2-token-url',
      `${seller.origin}${OAUTH_TOKEN_PATH}`,
      '--oauth2-client-id',
      'harness',
      '--oauth2-client-secret-env',
      'TLS_SECRET',
      '--timeout',
      '10s',
      '--report-dir',
      dir,
      ...extra,
    ],
    { TLS_SECRET: SECRET },
  );
}

function stepFindings(dir: string): { code: string; message: string }[] {
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as {
    scenarios: { steps: { findings: { code: string; message: string }[] }[] }[];
  };
  return results.scenarios.flatMap((s) => s.steps.flatMap((st) => st.findings));
}

describe('TLS to the target (--ca, --cert/--key, --insecure)', () => {
  let seller: Seller | undefined;
  afterEach(async () => {
    await seller?.close();
    seller = undefined;
  });

  test('--ca trusts a Seller (and its token endpoint) whose certificate a private CA signed', async () => {
    seller = await startHttpsSeller(false);
    const dir = tempDir('lso-tls-run-');
    const out = await run(seller, dir, ['--ca', pki.file('ca.pem')]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
  });

  test('without --ca the token endpoint is not trusted: the requests are not sent and the run says why', async () => {
    seller = await startHttpsSeller(false);
    const dir = tempDir('lso-tls-run-');
    const out = await run(seller, dir, []);
    expect(out.code).not.toBe(0);
    const [first] = stepFindings(dir);
    // The token request fails first: it is the harness's request that could not be sent.
    expect(first?.code).toBe('harness.requestNotSent');
    expect(first?.message).toMatch(
      /OAuth2 token request to https:\/\/127\.0\.0\.1:\d+\/_lso\/oauth\/token failed: .*(SELF_SIGNED|UNABLE_TO_VERIFY)/,
    );
  });

  test('without --ca, an API request over untrusted TLS is a transport.tls finding', async () => {
    seller = await startHttpsSeller(false);
    const dir = tempDir('lso-tls-run-');
    // A bearer token (no token endpoint to reach): the API request itself meets the certificate.
    const out = await runBin(
      ['run', SCENARIO, '--target', `${seller.origin}${BASE}`, '--token-env', 'T', '--report-dir', dir],
      { T: 'some-bearer-token' },
    );
    expect(out.code).toBe(1);
    const [first] = stepFindings(dir);
    expect(first?.code).toBe('transport.tls');
    expect(first?.message).toMatch(
      /createProductOrder: (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/,
    );
  });

  test('--insecure skips verification and says so on stderr', async () => {
    seller = await startHttpsSeller(false);
    const dir = tempDir('lso-tls-run-');
    const out = await run(seller, dir, ['--insecure']);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('warning: --insecure');
  });

  test('--cert/--key present a client certificate to a Seller that requires one', async () => {
    seller = await startHttpsSeller(true);
    const ok = await run(seller, tempDir('lso-tls-run-'), [
      '--ca',
      pki.file('ca.pem'),
      '--cert',
      pki.file('client.pem'),
      '--key',
      pki.file('client.key'),
    ]);
    expect(ok.code).toBe(0);
    const dir = tempDir('lso-tls-run-');
    const refused = await run(seller, dir, ['--ca', pki.file('ca.pem')]);
    expect(refused.code).not.toBe(0);
    expect(stepFindings(dir)[0]?.message).toMatch(/OAuth2 token request to .* failed/);
  });
});
