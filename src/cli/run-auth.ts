import * as tls from 'node:tls';
import {
  bearerAuth,
  oauth2ClientCredentials,
  type AuthProvider,
  type OAuth2Provider,
  type TlsOptions,
} from '../../emulators/buyer';
import { OAUTH_TOKEN_PATH } from '../../emulators/seller/http/auth';
import { DEFAULT_PROFILE, type SellerProfile } from '../../emulators/seller';
import type { Capability } from '../capabilities';
import { UsageError } from './exit-codes';
import type { RunCredentials, TargetCredentials } from './run-credentials';

/** Everything `run` needs to authenticate: to the target, on its listener, over TLS. */
export interface RunAuthSetup {
  /** Read live by the redactors: an OAuth2 access token fetched during the run joins it on arrival. */
  readonly secrets: string[];
  /** The embedded Seller's profile, with the listener token when `--listener-token-env` gave one. */
  readonly profile?: SellerProfile;
  readonly provider?: AuthProvider;
  readonly tls?: TlsOptions;
  /** The harness listener requires this bearer token of every event. */
  readonly listenerToken?: string;
  /** What a `--target` declares without `--capabilities`: `authentication` when the run has credentials. */
  readonly targetCapabilities: readonly Capability[];
  /** For the run manifest (no secret in it). */
  readonly manifest: Readonly<Record<string, unknown>>;
  close(): void;
}

/**
 * Turns the credential flags into an auth provider, TLS options and a listener token. Against the
 * embedded Seller (no `--target`), which is ours, a run without credential flags authenticates with the
 * first client (oauth2) or token (bearer) of its profile, and an OAuth2 token URL defaults to its token
 * endpoint (`embeddedOrigin` is asked on first use, once it listens). Its listener requires the profile's
 * `notifications.bearerToken`; a `--listener-token-env` token is given to the embedded Seller instead.
 */
export function setUpRunAuth(
  credentials: RunCredentials,
  options: {
    readonly embedded: boolean;
    readonly profile?: SellerProfile;
    readonly timeoutMs: number;
    readonly embeddedOrigin: () => string | undefined;
    readonly warn: (line: string) => void;
  },
): RunAuthSetup {
  const secrets = [...credentials.secrets];
  let target = credentials.target;
  let source: 'flags' | 'profile' | 'none' = target.kind === 'none' ? 'none' : 'flags';
  let listenerToken = credentials.listenerToken;
  let profile = options.profile;
  if (options.embedded) {
    const embedded = embeddedCredentials(options.profile ?? DEFAULT_PROFILE, credentials, secrets);
    ({ target, source, listenerToken, profile } = embedded);
  }
  if (credentials.insecure)
    options.warn(
      "lso-harness: warning: --insecure: the target's TLS certificate is not verified; use it with self-signed test Sellers only",
    );
  const tlsOptions = withDefaultRoots(credentials.tls);
  let oauth2: OAuth2Provider | undefined;
  let provider: AuthProvider | undefined;
  if (target.kind === 'bearer') provider = bearerAuth(target.token);
  if (target.kind === 'oauth2') {
    const chosen = target;
    const make = (): OAuth2Provider =>
      (oauth2 ??= oauth2ClientCredentials({
        tokenUrl: chosen.tokenUrl ?? `${options.embeddedOrigin() ?? ''}${OAUTH_TOKEN_PATH}`,
        clientId: chosen.clientId,
        clientSecret: chosen.clientSecret,
        clientAuth: chosen.clientAuth,
        timeoutMs: options.timeoutMs,
        registerSecret: (s) => addSecret(secrets, s),
        ...(chosen.scope ? { scope: chosen.scope } : {}),
        ...(chosen.audience ? { audience: chosen.audience } : {}),
        ...(tlsOptions ? { tls: tlsOptions } : {}),
      }));
    addSecret(secrets, chosen.clientSecret);
    // Created on first use: the embedded Seller's token endpoint is known once it listens.
    provider = {
      headers: () => make().headers(),
      onUnauthorized: (rejected) => make().onUnauthorized(rejected),
    };
  }
  return {
    secrets,
    ...(profile ? { profile } : {}),
    ...(provider ? { provider } : {}),
    ...(tlsOptions ? { tls: tlsOptions } : {}),
    ...(listenerToken ? { listenerToken } : {}),
    targetCapabilities: target.kind !== 'none' ? ['authentication'] : [],
    manifest: {
      auth: target.kind,
      authSource: source,
      ...(target.kind === 'oauth2'
        ? { oauth2: { clientId: target.clientId, clientAuth: target.clientAuth } }
        : {}),
      tls: {
        ca: credentials.tls?.ca !== undefined,
        clientCertificate: credentials.tls?.cert !== undefined,
        insecure: credentials.insecure,
      },
      listenerAuth: listenerToken !== undefined,
    },
    close: () => oauth2?.close(),
  };
}

function embeddedCredentials(
  profile: SellerProfile,
  credentials: RunCredentials,
  secrets: string[],
): {
  profile: SellerProfile;
  target: TargetCredentials;
  source: 'flags' | 'profile' | 'none';
  listenerToken: string | undefined;
} {
  const auth = profile.auth;
  for (const s of [...auth.tokens.map((t) => t.token), ...auth.clients.map((c) => c.clientSecret)])
    addSecret(secrets, s);
  const listenerToken = credentials.listenerToken ?? profile.notifications.bearerToken;
  if (listenerToken) addSecret(secrets, listenerToken);
  const base = {
    listenerToken,
    profile: credentials.listenerToken
      ? { ...profile, notifications: { ...profile.notifications, bearerToken: credentials.listenerToken } }
      : profile,
  };
  const chosen = credentials.target;
  if (chosen.kind === 'oauth2' && !chosen.tokenUrl && auth.mode !== 'oauth2')
    throw new UsageError(
      `--oauth2-token-url is required: the embedded Seller's profile has no token endpoint (auth.mode ${auth.mode})`,
    );
  if (chosen.kind !== 'none') return { ...base, target: chosen, source: 'flags' };
  const client = auth.clients[0];
  if (auth.mode === 'oauth2' && client)
    return {
      ...base,
      target: {
        kind: 'oauth2',
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        clientAuth: 'basic',
      },
      source: 'profile',
    };
  const token = auth.tokens[0];
  if (auth.mode === 'bearer' && token)
    return { ...base, target: { kind: 'bearer', token: token.token }, source: 'profile' };
  return { ...base, target: { kind: 'none' }, source: 'none' };
}

/**
 * A `--ca` is trusted in addition to Node's default roots: a private CA for the Seller must not make a
 * public token endpoint untrusted.
 */
export function withDefaultRoots(options: TlsOptions | undefined): TlsOptions | undefined {
  if (!options?.ca) return options;
  const extra = typeof options.ca === 'string' || Buffer.isBuffer(options.ca) ? [options.ca] : options.ca;
  return { ...options, ca: [...tls.rootCertificates, ...extra] };
}

function addSecret(secrets: string[], value: string): void {
  if (value && !secrets.includes(value)) secrets.push(value);
}
