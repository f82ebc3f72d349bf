import { Option, type Command } from 'commander';
import * as fs from 'node:fs';
import type { TlsOptions } from '../../emulators/buyer';

/** The authentication and TLS flags of `lso-harness run`, as commander hands them over. */
export interface RawCredentialOptions {
  tokenEnv?: string;
  tokenFile?: string;
  oauth2TokenUrl?: string;
  oauth2ClientId?: string;
  oauth2ClientSecretEnv?: string;
  oauth2ClientSecretFile?: string;
  /** Refused: a secret on the command line ends up in shell history and `ps`. */
  oauth2ClientSecret?: string;
  oauth2Scope?: string;
  oauth2Audience?: string;
  oauth2ClientAuth?: string;
  ca?: string[];
  cert?: string;
  key?: string;
  insecure?: boolean;
  listenerTokenEnv?: string;
}

/** How the harness authenticates to the target. */
export type TargetCredentials =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | {
      readonly kind: 'oauth2';
      /** Absent only for the embedded Seller: its own token endpoint. */
      readonly tokenUrl?: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly scope?: string;
      readonly audience?: string;
      readonly clientAuth: 'basic' | 'body';
    };

export interface RunCredentials {
  readonly target: TargetCredentials;
  /** For the https agent of the API client and the token endpoint. */
  readonly tls?: TlsOptions;
  readonly insecure: boolean;
  /** The harness listener requires this bearer token on every event. */
  readonly listenerToken?: string;
  /** Every secret read (tokens, client secret), for redaction. */
  readonly secrets: readonly string[];
}

export const DEFAULT_TOKEN_ENV = 'LSO_HARNESS_TOKEN';

/** The authentication and TLS flags of `run` (docs/CLI.md, "Authentication and TLS"). */
export function addCredentialOptions(command: Command): Command {
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  return command
    .option(
      '--token-env <name>',
      `environment variable holding a bearer token for the target (default ${DEFAULT_TOKEN_ENV})`,
    )
    .option('--token-file <file>', 'file holding a bearer token for the target')
    .option(
      '--oauth2-token-url <url>',
      'OAuth2 client credentials: the token endpoint (embedded Seller: its own)',
    )
    .option('--oauth2-client-id <id>', 'OAuth2 client credentials: the client id')
    .option('--oauth2-client-secret-env <name>', 'environment variable holding the OAuth2 client secret')
    .option('--oauth2-client-secret-file <file>', 'file holding the OAuth2 client secret')
    .addOption(new Option('--oauth2-client-secret <secret>').hideHelp())
    .option('--oauth2-scope <scopes>', 'OAuth2 scopes to ask for (space-separated)')
    .option('--oauth2-audience <audience>', 'OAuth2 audience parameter (some authorization servers want one)')
    .option(
      '--oauth2-client-auth <method>',
      'client authentication at the token endpoint: basic (default) or body',
    )
    .option(
      '--ca <file>',
      'PEM CA certificate to trust for the target, beside the default roots (repeatable)',
      collect,
    )
    .option('--cert <file>', 'PEM client certificate for mutual TLS (with --key)')
    .option('--key <file>', 'PEM private key of the client certificate')
    .option('--insecure', "do not verify the target's TLS certificate (self-signed test Sellers only)")
    .option(
      '--listener-token-env <name>',
      'environment variable holding a bearer token the notification listener requires of the Seller',
    );
}

/**
 * Reads every credential the flags point to (environment variables, files) and checks the combinations,
 * adding each problem to `problems` (reported together, exit 2). Secret values never appear in a
 * problem. `LSO_HARNESS_TOKEN` is read by default against a `--target` only: the embedded Seller uses
 * the credentials of its profile unless flags say otherwise.
 */
export function readCredentials(
  raw: RawCredentialOptions,
  env: NodeJS.ProcessEnv,
  embedded: boolean,
  problems: string[],
): RunCredentials {
  const secrets: string[] = [];
  const fromEnv = (flag: string, name: string): string | undefined => {
    const value = env[name];
    if (!value) problems.push(`${flag} ${name}: the variable is empty or not set`);
    return value || undefined;
  };
  const fromFile = (flag: string, file: string): string | undefined => {
    try {
      const value = fs.readFileSync(file, 'utf8').trim();
      if (!value) problems.push(`${flag} ${file}: the file is empty`);
      return value || undefined;
    } catch (e) {
      problems.push(`cannot read ${flag} ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return undefined;
    }
  };
  const keep = (value: string | undefined): string | undefined => {
    if (value) secrets.push(value);
    return value;
  };

  if (raw.oauth2ClientSecret !== undefined)
    problems.push(
      '--oauth2-client-secret is not accepted: a secret on the command line is visible to other users and kept in shell history; use --oauth2-client-secret-env NAME or --oauth2-client-secret-file FILE',
    );
  const oauth2 =
    raw.oauth2TokenUrl !== undefined ||
    raw.oauth2ClientId !== undefined ||
    raw.oauth2ClientSecretEnv !== undefined ||
    raw.oauth2ClientSecretFile !== undefined ||
    raw.oauth2Scope !== undefined ||
    raw.oauth2Audience !== undefined ||
    raw.oauth2ClientAuth !== undefined;
  if (raw.tokenEnv !== undefined && raw.tokenFile !== undefined)
    problems.push('give one of --token-env and --token-file');
  if (oauth2 && (raw.tokenEnv !== undefined || raw.tokenFile !== undefined))
    problems.push(
      'choose one way to authenticate: a bearer token (--token-env/--token-file) or OAuth2 (--oauth2-*)',
    );

  let target: TargetCredentials = { kind: 'none' };
  if (oauth2) {
    if (raw.oauth2TokenUrl === undefined && !embedded)
      problems.push('--oauth2-token-url is required with OAuth2 client credentials');
    if (raw.oauth2TokenUrl !== undefined && !isHttpUrl(raw.oauth2TokenUrl))
      problems.push(`--oauth2-token-url must be an absolute http(s) URL, got '${raw.oauth2TokenUrl}'`);
    if (!raw.oauth2ClientId) problems.push('--oauth2-client-id is required with OAuth2 client credentials');
    const auth = raw.oauth2ClientAuth ?? 'basic';
    if (auth !== 'basic' && auth !== 'body')
      problems.push(`--oauth2-client-auth must be basic or body, got '${auth}'`);
    let secret: string | undefined;
    if (raw.oauth2ClientSecretEnv !== undefined && raw.oauth2ClientSecretFile !== undefined)
      problems.push('give one of --oauth2-client-secret-env and --oauth2-client-secret-file');
    else if (raw.oauth2ClientSecretEnv !== undefined)
      secret = keep(fromEnv('--oauth2-client-secret-env', raw.oauth2ClientSecretEnv));
    else if (raw.oauth2ClientSecretFile !== undefined)
      secret = keep(fromFile('--oauth2-client-secret-file', raw.oauth2ClientSecretFile));
    else if (raw.oauth2ClientSecret === undefined)
      problems.push(
        'the OAuth2 client secret is missing: --oauth2-client-secret-env NAME or --oauth2-client-secret-file FILE',
      );
    if (raw.oauth2ClientId && secret)
      target = {
        kind: 'oauth2',
        clientId: raw.oauth2ClientId,
        clientSecret: secret,
        clientAuth: auth === 'body' ? 'body' : 'basic',
        ...(raw.oauth2TokenUrl ? { tokenUrl: raw.oauth2TokenUrl } : {}),
        ...(raw.oauth2Scope ? { scope: raw.oauth2Scope } : {}),
        ...(raw.oauth2Audience ? { audience: raw.oauth2Audience } : {}),
      };
  } else {
    let token: string | undefined;
    if (raw.tokenFile !== undefined) token = fromFile('--token-file', raw.tokenFile);
    else if (raw.tokenEnv !== undefined) token = fromEnv('--token-env', raw.tokenEnv);
    else if (!embedded) token = env[DEFAULT_TOKEN_ENV] || undefined;
    if (keep(token)) target = { kind: 'bearer', token: token! };
  }

  const listenerToken =
    raw.listenerTokenEnv !== undefined
      ? keep(fromEnv('--listener-token-env', raw.listenerTokenEnv))
      : undefined;
  const tls = readTls(raw, fromFile, problems);
  return {
    target,
    ...(tls ? { tls } : {}),
    insecure: raw.insecure === true,
    ...(listenerToken ? { listenerToken } : {}),
    secrets,
  };
}

function readTls(
  raw: RawCredentialOptions,
  fromFile: (flag: string, file: string) => string | undefined,
  problems: string[],
): TlsOptions | undefined {
  if ((raw.cert === undefined) !== (raw.key === undefined))
    problems.push('--cert and --key go together (the client certificate and its private key)');
  const ca = (raw.ca ?? []).map((f) => fromFile('--ca', f)).filter((c): c is string => c !== undefined);
  const cert = raw.cert !== undefined ? fromFile('--cert', raw.cert) : undefined;
  const key = raw.key !== undefined ? fromFile('--key', raw.key) : undefined;
  if (ca.length === 0 && !cert && !key && !raw.insecure) return undefined;
  return {
    ...(ca.length > 0 ? { ca } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
    ...(raw.insecure ? { rejectUnauthorized: false } : {}),
  };
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
