/**
 * Checks of flags that name things on this machine (addresses to bind, folders, files, checks), made
 * before anything runs: a mistake there is bad usage (exit 2, said at once), not an error discovered at
 * the end of a run (exit 3) or silently ignored.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { BUYER_REQUEST_CHECKS } from '../check/buyer';
import { CHECK_NAMES } from '../check/registry';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** An IP literal or a host name (no scheme, port or path): what `listen()` accepts. */
export function hostProblem(value: string, flag: string): string | undefined {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const ok =
    net.isIP(value) !== 0 ||
    (!/^[\d.]+$/.test(name) && name.length <= 253 && name.split('.').every((l) => LABEL.test(l)));
  return ok ? undefined : `${flag} must be an IP address or a host name, got '${value}'`;
}

/** The report folder exists as a writable folder, or can be created under a writable folder. */
export function reportDirProblem(dir: string): string | undefined {
  let probe = path.resolve(dir);
  for (;;) {
    const stat = fs.statSync(probe, { throwIfNoEntry: false });
    if (stat) {
      if (!stat.isDirectory())
        return probe === path.resolve(dir)
          ? `--report-dir ${dir} is a file, not a folder`
          : `--report-dir ${dir} cannot be created: ${probe} is a file`;
      try {
        fs.accessSync(probe, fs.constants.W_OK);
        return undefined;
      } catch {
        return `--report-dir ${dir}: ${probe} is not writable`;
      }
    }
    const parent = path.dirname(probe);
    if (parent === probe) return `--report-dir ${dir} cannot be created`;
    probe = parent;
  }
}

/** Each `--fixtures` entry exists (a folder, or an overrides file). */
export function fixturesProblems(entries: readonly string[]): string[] {
  return entries.filter((f) => !fs.existsSync(f)).map((f) => `--fixtures ${f}: no such folder or file`);
}

/** Each `--skip-check` names a check the harness has. */
export function skipCheckProblems(names: readonly string[]): string[] {
  const known = new Set<string>([...CHECK_NAMES, ...BUYER_REQUEST_CHECKS.map((c) => c.name)]);
  return names
    .filter((n) => !known.has(n))
    .map((n) => `--skip-check ${JSON.stringify(n)} names no check; known: ${[...known].join(', ')}`);
}

/** The flags of `run` checked here, all problems at once. */
export function localOptionProblems(raw: {
  listenHost: string;
  reportDir: string;
  reporter?: string;
  fixtures?: readonly string[];
  skipCheck?: readonly string[];
  callbackUrl?: string;
}): string[] {
  const problems: string[] = [];
  const host = hostProblem(raw.listenHost, '--listen-host');
  if (host) problems.push(host);
  // Only file reporters write there: `--reporter console` alone needs no folder.
  const writesFiles = (raw.reporter ?? 'json').split(',').some((r) => r.trim() !== 'console');
  const dir = writesFiles ? reportDirProblem(raw.reportDir) : undefined;
  if (dir) problems.push(dir);
  problems.push(...fixturesProblems(raw.fixtures ?? []), ...skipCheckProblems(raw.skipCheck ?? []));
  if (raw.callbackUrl !== undefined && URL.canParse(raw.callbackUrl)) {
    const { protocol } = new URL(raw.callbackUrl);
    if (protocol !== 'http:' && protocol !== 'https:')
      problems.push(`--callback-url must be an http(s) URL, got '${raw.callbackUrl}'`);
  }
  return problems;
}
