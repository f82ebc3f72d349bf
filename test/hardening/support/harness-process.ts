/**
 * Runs `bin/lso-harness.js` as a child process the way a user does, measuring what the hardening tests
 * judge: wall time, exit code or signal, and the child's peak RSS (getrusage ru_maxrss, written at exit by
 * the preloaded support/peak-rss.js, so it is the true peak, not a sample).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const ROOT = path.join(__dirname, '../../..');
export const BIN = path.join(ROOT, 'bin/lso-harness.js');
export const HARDENING_FIXTURES = path.join(ROOT, 'test/fixtures/hardening');
const PEAK_RSS = path.join(__dirname, 'peak-rss.js');

export interface HarnessOutcome {
  /** Exit code, or null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Peak resident set size in bytes; undefined when the child did not get to write it. */
  readonly peakRssBytes?: number;
  /** The child was killed by our safety deadline: a hang. */
  readonly killed: boolean;
}

export interface HarnessProcess {
  readonly child: ChildProcess;
  /** Resolves when the child has exited. */
  readonly done: Promise<HarnessOutcome>;
  /** Output so far (for waiting on a line). */
  output(): { stdout: string; stderr: string };
}

const KEEP = 2 * 1024 * 1024;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function assertBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist/src/cli/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first (`npm test` builds before jest)');
}

/** Starts the CLI; `killAfterMs` is a safety net (SIGKILL) so a hang fails the test instead of holding it. */
export function startHarness(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; killAfterMs?: number } = {},
): HarnessProcess {
  assertBuilt();
  const rssDir = tempDir('lso-rss-');
  const rssFile = path.join(rssDir, 'peak');
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      CI: 'true',
      ...options.env,
      NODE_OPTIONS: `--require ${PEAK_RSS}`,
      LSO_PEAK_RSS_FILE: rssFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const keep = (acc: string, chunk: Buffer): string => {
    const next = acc + chunk.toString('utf8');
    return next.length > KEEP ? next.slice(-KEEP) : next;
  };
  child.stdout?.on('data', (c: Buffer) => (stdout = keep(stdout, c)));
  child.stderr?.on('data', (c: Buffer) => (stderr = keep(stderr, c)));
  let killed = false;
  const guard = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, options.killAfterMs ?? 120_000);
  const done = new Promise<HarnessOutcome>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      const wallMs = Math.round(performance.now() - started);
      let peakRssBytes: number | undefined;
      try {
        peakRssBytes = Number(fs.readFileSync(rssFile, 'utf8'));
      } catch {
        peakRssBytes = undefined;
      }
      fs.rmSync(rssDir, { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout,
        stderr,
        wallMs,
        killed,
        ...(peakRssBytes !== undefined ? { peakRssBytes } : {}),
      });
    });
  });
  return { child, done, output: () => ({ stdout, stderr }) };
}

export function runHarness(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; killAfterMs?: number } = {},
): Promise<HarnessOutcome> {
  return startHarness(args, options).done;
}

/** Resolves once `pattern` shows up on stdout or stderr (or rejects after `timeoutMs`). */
export async function waitForOutput(proc: HarnessProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const { stdout, stderr } = proc.output();
    if (pattern.test(stdout) || pattern.test(stderr)) return;
    if (proc.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const { stdout, stderr } = proc.output();
  throw new Error(`no ${String(pattern)} within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`);
}

// ---------------------------------------------------------------------------------------------------
// reports
// ---------------------------------------------------------------------------------------------------

export interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  exchangeId?: string;
  actual?: unknown;
}
export interface ReportExchange {
  id: string;
  error?: { code: string };
  response?: { status: number };
}
export interface ReportStep {
  name: string;
  status: string;
  message?: string;
  findings: ReportFinding[];
  exchanges: ReportExchange[];
}
export interface ReportScenario {
  id: string;
  status: string;
  message?: string;
  steps: ReportStep[];
  findings: ReportFinding[];
}
export interface ReportResults {
  status: string;
  summary: { total: number; passed: number; failed: number; errored: number; skipped: number };
  scenarios: ReportScenario[];
  errors: string[];
}

export interface Reports {
  readonly results: ReportResults;
  readonly junit: unknown;
  readonly html: string;
  readonly texts: { readonly json: string; readonly junit: string; readonly html: string };
}

/** Reads the three reports, failing (throwing) if any is missing or does not parse. */
export function readReports(dir: string): Reports {
  const json = fs.readFileSync(path.join(dir, 'results.json'), 'utf8');
  const junit = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
  const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
  const valid = XMLValidator.validate(junit);
  if (valid !== true) throw new Error(`junit.xml is not well-formed: ${JSON.stringify(valid.err)}`);
  if (!/<\/html>\s*$/i.test(html)) throw new Error('report.html is incomplete');
  return {
    results: JSON.parse(json) as ReportResults,
    junit: new XMLParser({ ignoreAttributes: false }).parse(junit) as unknown,
    html,
    texts: { json, junit, html },
  };
}

export function scenarioFindings(s: ReportScenario): ReportFinding[] {
  return [...s.findings, ...s.steps.flatMap((st) => st.findings)];
}

/** Every exchange id recorded in the scenario's steps. */
export function scenarioExchangeIds(s: ReportScenario): Set<string> {
  return new Set(s.steps.flatMap((st) => st.exchanges.map((e) => e.id)));
}
