/**
 * Interruption (issue "Hardening", item 3), through bin/:
 * - the first Ctrl-C (SIGINT) stops scheduling, aborts the in-flight step (a sleep, a hung request), and
 *   writes all three reports with status "interrupted"; the process exits 3 (the run could not complete);
 * - a second Ctrl-C exits at once with 130 (128 + SIGINT, the shell convention), reports or not;
 * - report files are replaced atomically: a reader polling one while it is rewritten never sees half a file.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../src/report/write-atomic';
import { startRequestSeller, type HostileSeller } from './hostile-sellers';
import {
  HARDENING_FIXTURES,
  readReports,
  startHarness,
  tempDir,
  waitForOutput,
  type HarnessProcess,
} from './support/harness-process';

/** From the first SIGINT to the exit: abort in-flight steps, remove hubs, write three reports. */
const FIRST_SIGINT_BOUND_MS = 5000;
/** From the second SIGINT to the exit: at once. */
const SECOND_SIGINT_BOUND_MS = 1000;

const fixtures = ['--fixtures', path.join(HARDENING_FIXTURES, 'fixtures')];

/** Waits until the run has started (its header is printed) and the first scenario is under way. */
async function started(proc: HarnessProcess): Promise<void> {
  await waitForOutput(proc, /· \d+ scenarios?\n/, 30_000);
  await new Promise((r) => setTimeout(r, 1000));
}

function exitedWithin(proc: HarnessProcess): Promise<number> {
  const t0 = performance.now();
  return proc.done.then(() => performance.now() - t0);
}

describe('Ctrl-C through bin/', () => {
  let seller: HostileSeller | undefined;
  afterEach(async () => {
    await seller?.close();
    seller = undefined;
  });

  test('the first SIGINT aborts the sleeping step, skips the rest, writes "interrupted" reports, exit 3', async () => {
    const dir = tempDir('lso-interrupt-');
    const proc = startHarness(
      [
        'run',
        path.join(HARDENING_FIXTURES, 'interrupt'),
        ...fixtures,
        '--time-scale',
        '1',
        '--concurrency',
        '1',
        '--report-dir',
        dir,
      ],
      { killAfterMs: 60_000 },
    );
    await started(proc);
    proc.child.kill('SIGINT');
    const elapsed = await exitedWithin(proc);
    const out = await proc.done;
    expect({ code: out.code, signal: out.signal, killed: out.killed }).toEqual({
      code: 3,
      signal: null,
      killed: false,
    });
    expect(elapsed).toBeLessThan(FIRST_SIGINT_BOUND_MS);
    expect(out.stderr).toMatch(/interrupted; finishing in-flight steps and writing reports/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stdout).toMatch(/Result\s+INTERRUPTED/);

    const { results, junit, html } = readReports(dir);
    expect(results.status).toBe('interrupted');
    expect(results.summary).toMatchObject({ total: 3, skipped: 3, failed: 0, errored: 0 });
    const [first, ...rest] = results.scenarios;
    expect(first?.steps.map((s) => [s.name, s.status])).toEqual([
      ['create the order', 'passed'],
      ['sleep', 'skipped'],
      ['poll retrieveProductOrder', 'skipped'],
    ]);
    expect(first?.steps[1]?.message).toMatch(/interrupted/);
    for (const s of rest)
      expect(s).toMatchObject({ status: 'skipped', message: 'interrupted before it started' });
    const suite = (junit as { testsuites: { testsuite: Record<string, string> } }).testsuites.testsuite;
    expect(suite['@_skipped']).toBe('3');
    expect(html).toContain('INTERRUPTED');
  });

  test('the first SIGINT aborts a request the target never answers (skipped, not failed), exit 3', async () => {
    seller = await startRequestSeller(() => undefined);
    const dir = tempDir('lso-interrupt-req-');
    const proc = startHarness(
      [
        'run',
        path.join(HARDENING_FIXTURES, 'hit-request.yaml'),
        '--target',
        seller.url,
        '--timeout',
        '60s',
        '--report-dir',
        dir,
      ],
      { killAfterMs: 60_000 },
    );
    await started(proc);
    expect(seller.stats.hits).toBe(1);
    proc.child.kill('SIGINT');
    const elapsed = await exitedWithin(proc);
    const out = await proc.done;
    expect(out.code).toBe(3);
    expect(elapsed).toBeLessThan(FIRST_SIGINT_BOUND_MS);
    const { results } = readReports(dir);
    expect(results.status).toBe('interrupted');
    const step = results.scenarios[0]?.steps[0];
    expect(step).toMatchObject({ status: 'skipped', message: 'interrupted: the request was aborted' });
    expect(step?.findings).toEqual([]);
    expect(step?.exchanges[0]?.error?.code).toBe('aborted');
  });

  test('a second SIGINT exits at once with 130, leaving no partial report', async () => {
    // The first SIGINT ends the sleep; the runner then removes the hub it registered, and this Seller
    // never answers that DELETE (the runner would give up after 2 s): the second SIGINT lands meanwhile.
    seller = await startRequestSeller(
      () => undefined,
      (req) => req.method === 'DELETE',
    );
    const dir = tempDir('lso-interrupt-twice-');
    const proc = startHarness(
      [
        'run',
        path.join(HARDENING_FIXTURES, 'hub-then-wait.yaml'),
        '--target',
        seller.url,
        '--capabilities',
        'notifications',
        '--time-scale',
        '1',
        '--report-dir',
        dir,
      ],
      { killAfterMs: 60_000 },
    );
    await started(proc);
    proc.child.kill('SIGINT');
    await waitForOutput(proc, /interrupted; finishing/, 5000);
    await new Promise((r) => setTimeout(r, 200));
    expect(proc.child.exitCode).toBeNull(); // still winding up: the DELETE hangs
    proc.child.kill('SIGINT');
    const elapsed = await exitedWithin(proc);
    const out = await proc.done;
    expect({ code: out.code, signal: out.signal }).toEqual({ code: 130, signal: null });
    expect(elapsed).toBeLessThan(SECOND_SIGINT_BOUND_MS);
    expect(seller.stats.hits).toBe(1);
    // Nothing was written yet, and nothing half-written is left behind.
    const left = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    expect(left.filter((f) => !f.startsWith('.'))).toEqual([]);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('atomic report files', () => {
  test('a reader polling results.json while it is rewritten (40+ times) only ever parses whole files', async () => {
    const dir = tempDir('lso-atomic-');
    const file = path.join(dir, 'results.json');
    const big = (i: number) =>
      JSON.stringify({
        round: i,
        scenarios: Array.from({ length: 20_000 }, (_, k) => ({ id: `S-${k}`, i })),
      });
    await writeFileAtomic(file, big(0));
    // The reader is another process, so reads truly overlap the writes.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); let whole = 0, partial = 0, rounds = new Set();
         const until = Date.now() + Number(process.argv[2]);
         process.stdout.write('ready\\n');
         while (Date.now() < until && !fs.existsSync(process.argv[3])) {
           try { const r = JSON.parse(fs.readFileSync(process.argv[1], 'utf8')); whole++; rounds.add(r.round); }
           catch (e) { partial++; }
         }
         process.stdout.write(JSON.stringify({ whole, partial, rounds: rounds.size }) + '\\n');`,
        file,
        '20000',
        path.join(dir, 'stop'),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    reader.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    while (!stdout.includes('ready') && reader.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    expect(stdout).toContain('ready');
    // At least 40 rewrites, and for at least 1.5 s, so that many reads overlap them.
    const t0 = performance.now();
    let round = 0;
    while (round < 40 || performance.now() - t0 < 1500) await writeFileAtomic(file, big(++round));
    fs.writeFileSync(path.join(dir, 'stop'), '');
    await exited;
    const seen = JSON.parse(stdout.split('\n')[1] ?? '') as {
      whole: number;
      partial: number;
      rounds: number;
    };
    expect(seen.partial).toBe(0);
    expect(seen.whole).toBeGreaterThan(10);
    expect(seen.rounds).toBeGreaterThan(1);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as { round: number }).round).toBe(round);
  }, 60_000);
});
