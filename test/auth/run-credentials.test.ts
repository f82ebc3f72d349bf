import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PROFILE } from '../../emulators/seller';
import { setUpRunAuth } from '../../src/cli/run-auth';
import { readCredentials, type RawCredentialOptions } from '../../src/cli/run-credentials';
import { tempDir } from '../support/run-bin';

function read(raw: RawCredentialOptions, env: NodeJS.ProcessEnv = {}, embedded = false) {
  const problems: string[] = [];
  const credentials = readCredentials(raw, env, embedded, problems);
  return { credentials, problems };
}

describe('readCredentials', () => {
  test('LSO_HARNESS_TOKEN is the default bearer token against a target, not for the embedded Seller', () => {
    const env = { LSO_HARNESS_TOKEN: 'env-token-1234' };
    expect(read({}, env).credentials.target).toEqual({ kind: 'bearer', token: 'env-token-1234' });
    expect(read({}, env, true).credentials.target).toEqual({ kind: 'none' });
    expect(read({ tokenEnv: 'LSO_HARNESS_TOKEN' }, env, true).credentials.target.kind).toBe('bearer');
    expect(read({}, env).credentials.secrets).toEqual(['env-token-1234']);
  });

  test('a token or secret file is read and trimmed; a missing one is a problem', () => {
    const dir = tempDir('lso-cred-');
    fs.writeFileSync(path.join(dir, 'token'), 'file-token-5678\n');
    fs.writeFileSync(path.join(dir, 'secret'), ' file-secret-9012 \n');
    expect(read({ tokenFile: path.join(dir, 'token') }).credentials.target).toEqual({
      kind: 'bearer',
      token: 'file-token-5678',
    });
    const oauth2 = read({
      oauth2TokenUrl: 'https://auth.example/token',
      oauth2ClientId: 'buyer',
      oauth2ClientSecretFile: path.join(dir, 'secret'),
      oauth2Scope: 'default',
      oauth2ClientAuth: 'body',
    });
    expect(oauth2.problems).toEqual([]);
    expect(oauth2.credentials.target).toEqual({
      kind: 'oauth2',
      tokenUrl: 'https://auth.example/token',
      clientId: 'buyer',
      clientSecret: 'file-secret-9012',
      scope: 'default',
      clientAuth: 'body',
    });
    expect(read({ tokenFile: path.join(dir, 'nope') }).problems).toEqual([
      `cannot read --token-file ${path.join(dir, 'nope')}: ENOENT`,
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('OAuth2 without a token URL is fine for the embedded Seller only; without a secret never', () => {
    const raw = { oauth2ClientId: 'buyer', oauth2ClientSecretEnv: 'S' };
    expect(read(raw, { S: 'secret-secret' }, true).problems).toEqual([]);
    expect(read(raw, { S: 'secret-secret' }).problems).toEqual([
      '--oauth2-token-url is required with OAuth2 client credentials',
    ]);
    expect(read({ oauth2ClientId: 'buyer' }, {}, true).problems).toEqual([
      'the OAuth2 client secret is missing: --oauth2-client-secret-env NAME or --oauth2-client-secret-file FILE',
    ]);
    expect(
      read({ ...raw, oauth2ClientSecretFile: 'f', oauth2TokenUrl: 'ftp://x' }, { S: 'secret-secret' })
        .problems,
    ).toEqual([
      "--oauth2-token-url must be an absolute http(s) URL, got 'ftp://x'",
      'give one of --oauth2-client-secret-env and --oauth2-client-secret-file',
    ]);
  });

  test('TLS material: --ca files, --cert with --key, --insecure', () => {
    const dir = tempDir('lso-cred-');
    for (const f of ['ca.pem', 'c.pem', 'k.pem']) fs.writeFileSync(path.join(dir, f), `-----${f}-----`);
    const { credentials, problems } = read({
      ca: [path.join(dir, 'ca.pem')],
      cert: path.join(dir, 'c.pem'),
      key: path.join(dir, 'k.pem'),
      insecure: true,
    });
    expect(problems).toEqual([]);
    expect(credentials.tls).toEqual({
      ca: ['-----ca.pem-----'],
      cert: '-----c.pem-----',
      key: '-----k.pem-----',
      rejectUnauthorized: false,
    });
    expect(read({}).credentials.tls).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('setUpRunAuth', () => {
  const base = { timeoutMs: 1000, embeddedOrigin: () => 'http://127.0.0.1:1', warn: () => undefined };

  test("the embedded Seller's profile supplies credentials and the listener token, all registered as secrets", () => {
    const profile = {
      ...DEFAULT_PROFILE,
      auth: {
        mode: 'oauth2' as const,
        clients: [{ clientId: 'c1', clientSecret: 'profile-secret-1' }],
        tokens: [{ token: 'profile-token-2' }],
        tokenTtl: 1000,
      },
      notifications: { ...DEFAULT_PROFILE.notifications, bearerToken: 'profile-listener-3' },
    };
    const setup = setUpRunAuth(read({}, {}, true).credentials, { ...base, embedded: true, profile });
    expect(setup.manifest).toMatchObject({ auth: 'oauth2', authSource: 'profile', listenerAuth: true });
    expect(setup.listenerToken).toBe('profile-listener-3');
    expect(setup.secrets.sort()).toEqual(['profile-listener-3', 'profile-secret-1', 'profile-token-2']);
    expect(setup.targetCapabilities).toEqual(['authentication']);
    setup.close();
  });

  test('--listener-token-env is given to the embedded Seller; a target without credentials declares nothing', () => {
    const credentials = read({ listenerTokenEnv: 'L' }, { L: 'flag-listener-4' }, true).credentials;
    const setup = setUpRunAuth(credentials, { ...base, embedded: true });
    expect(setup.profile?.notifications.bearerToken).toBe('flag-listener-4');
    expect(setup.listenerToken).toBe('flag-listener-4');
    const target = setUpRunAuth(read({}).credentials, { ...base, embedded: false });
    expect(target.targetCapabilities).toEqual([]);
    expect(target.provider).toBeUndefined();
  });

  test('--insecure warns once', () => {
    const lines: string[] = [];
    setUpRunAuth(read({ insecure: true }).credentials, {
      ...base,
      embedded: false,
      warn: (l) => lines.push(l),
    });
    expect(lines).toEqual([
      "lso-harness: warning: --insecure: the target's TLS certificate is not verified; use it with self-signed test Sellers only",
    ]);
  });
});
