import * as path from 'node:path';
import { ALL_CAPABILITIES, isCapability, type Capability } from '../capabilities';
import { parseReporterList, ReporterListError, type ReporterName } from '../report';
import {
  API_VERSIONS,
  DEFAULT_API_VERSION,
  inferApiVersion,
  isApiVersionId,
  type ApiVersionId,
} from '../spec';
import { parseDuration } from '../util/duration';
import { builtInScenarios, packageRoot } from '../util/package-root';
import { localOptionProblems } from './check-options';
import { UsageError } from './exit-codes';
import { parseShard, type Shard } from '../run/shard';
import { readCredentials, type RawCredentialOptions, type RunCredentials } from './run-credentials';

/** `lso-harness run` flags as commander hands them over (strings, lists). */
export interface RawRunOptions extends RawCredentialOptions {
  target?: string;
  api?: string;
  capabilities?: string;
  tag?: string[];
  grep?: string;
  requirement?: string[];
  reporter: string;
  reportDir: string;
  callbackUrl?: string;
  listenHost: string;
  listenPort: string;
  timeout: string;
  concurrency: string;
  timeScale?: string;
  sellerProfile?: string;
  skipCheck?: string[];
  fixtures?: string[];
  color?: boolean;
  shard?: string;
}

export interface RunOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly api: ApiVersionId;
  readonly capabilities?: readonly Capability[];
  readonly tags: readonly string[];
  readonly grep?: RegExp;
  readonly requirements: readonly string[];
  readonly reporters: readonly ReporterName[];
  readonly reportDir: string;
  readonly callbackUrl?: string;
  readonly listenHost: string;
  readonly listenPort: number;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly timeScale: number;
  readonly sellerProfile?: string;
  /** Credentials for the target and the listener, TLS material: read and checked with the other flags. */
  readonly credentials: RunCredentials;
  readonly skipChecks: readonly string[];
  readonly fixtureRoots: readonly string[];
  readonly color?: boolean;
  readonly shard?: Shard;
}

/** Default time scale for the embedded Seller: its two-hour deliveries take 0.2 s. */
export const EMBEDDED_TIME_SCALE = 36_000;

function integer(value: string, flag: string, min: number, max: number): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got '${value}'`);
  return n;
}

export function parseCapabilities(value: string): Capability[] {
  if (value === 'all') return [...ALL_CAPABILITIES];
  if (value === 'none' || value === '') return [];
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = list.filter((c) => !isCapability(c));
  if (unknown.length)
    throw new UsageError(
      `unknown capabilit${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}; known: ${ALL_CAPABILITIES.join(', ')}, or all / none`,
    );
  return list as Capability[];
}

/** Checks every flag at once (k6's lesson: all configuration errors together), then returns typed options. */
export function parseRunOptions(
  paths: readonly string[],
  raw: RawRunOptions,
  env: NodeJS.ProcessEnv = process.env,
): RunOptions {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof UsageError || e instanceof ReporterListError) problems.push(e.message);
      else throw e;
      return undefined;
    }
  };
  if (raw.target !== undefined) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(raw.target).protocol);
    } catch {
      ok = false;
    }
    if (!ok) problems.push(`--target must be an absolute http(s) URL, got '${raw.target}'`);
  }
  let api: ApiVersionId = DEFAULT_API_VERSION;
  if (raw.api !== undefined) {
    if (isApiVersionId(raw.api)) api = raw.api;
    else problems.push(`--api must be one of ${API_VERSIONS.join(', ')}, got '${raw.api}'`);
  } else if (raw.target) {
    api = inferApiVersion(raw.target) ?? DEFAULT_API_VERSION;
  }
  const timeout = attempt(() => parseDuration(raw.timeout));
  if (timeout && !timeout.ok) problems.push(`--timeout: ${timeout.error}`);
  let grep: RegExp | undefined;
  if (raw.grep !== undefined) {
    try {
      grep = new RegExp(raw.grep, 'i');
    } catch (e) {
      problems.push(`--grep is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  const scale = raw.timeScale === undefined ? (raw.target ? 1 : EMBEDDED_TIME_SCALE) : Number(raw.timeScale);
  if (!(scale > 0) || !Number.isFinite(scale))
    problems.push(`--time-scale must be a positive number, got '${raw.timeScale}'`);
  let shard: Shard | undefined;
  if (raw.shard !== undefined) {
    const parsed = parseShard(raw.shard);
    if (typeof parsed === 'string') problems.push(parsed);
    else shard = parsed;
  }
  if (raw.target && raw.sellerProfile)
    problems.push('--seller-profile configures the embedded Seller; it cannot go with --target');
  if (raw.callbackUrl !== undefined && !URL.canParse(raw.callbackUrl))
    problems.push(`--callback-url must be an absolute URL, got '${raw.callbackUrl}'`);
  const options: Partial<RunOptions> = {
    paths: paths.length ? paths : [builtInScenarios()],
    api,
    tags: raw.tag ?? [],
    requirements: raw.requirement ?? [],
    reportDir: raw.reportDir,
    listenHost: raw.listenHost,
    timeScale: scale,
    skipChecks: raw.skipCheck ?? [],
    fixtureRoots: [
      ...(raw.fixtures ?? []).map((f) => path.resolve(f)),
      path.join(packageRoot(), 'scenarios', 'fixtures'),
    ],
    ...(raw.target ? { target: raw.target } : {}),
    ...(grep ? { grep } : {}),
    ...(raw.callbackUrl ? { callbackUrl: raw.callbackUrl } : {}),
    ...(raw.sellerProfile ? { sellerProfile: raw.sellerProfile } : {}),
    ...(raw.color !== undefined ? { color: raw.color } : {}),
    ...(shard ? { shard } : {}),
  };
  const capabilities =
    raw.capabilities !== undefined ? attempt(() => parseCapabilities(raw.capabilities ?? '')) : undefined;
  const reporters = attempt(() => parseReporterList(raw.reporter));
  const listenPort = attempt(() => integer(raw.listenPort, '--listen-port', 0, 65535));
  const concurrency = attempt(() => integer(raw.concurrency, '--concurrency', 1, 256));
  const credentials = readCredentials(raw, env, raw.target === undefined, problems);
  problems.push(...localOptionProblems(raw));
  if (problems.length > 0) throw new UsageError('invalid options', problems);
  return {
    ...(options as RunOptions),
    ...(capabilities ? { capabilities } : {}),
    credentials,
    reporters: reporters ?? [],
    listenPort: listenPort ?? 0,
    concurrency: concurrency ?? 1,
    timeoutMs: timeout && timeout.ok ? timeout.ms : 30_000,
  };
}
