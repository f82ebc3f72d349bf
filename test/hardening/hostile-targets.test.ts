/**
 * Hostile targets (issue "Hardening", item 1). Every misbehaving Seller of the catalog is run through
 * bin/ with two scenarios, one the misbehaviour hits and HARD-SAFE, which it leaves alone. For each:
 * - the process ends on its own within a stated wall deadline (a hang is killed and fails the test);
 * - the hit scenario has the finding that names the problem, with its evidence (the exchange it cites
 *   is in results.json) for request misbehaviours;
 * - HARD-SAFE still passed (for a refused connection every scenario is hit, and errored);
 * - results.json and junit.xml parse, report.html is whole;
 * - the harness's peak RSS (getrusage, written at exit by support/peak-rss.js) stayed under 400 MB.
 *
 * Cases run two at a time (the CI machines have two cores; each run is a node process of its own).
 */
import * as fs from 'node:fs';
import { limiter } from '../support/limiter';
import * as path from 'node:path';
import { HOSTILE_SELLERS, type HostileEntry } from './hostile-sellers';
import {
  HARDENING_FIXTURES,
  readReports,
  runHarness,
  scenarioExchangeIds,
  scenarioFindings,
  tempDir,
  type ReportScenario,
} from './support/harness-process';

/** Peak resident set size allowed to the harness process, whatever the target does. */
const RSS_BOUND_BYTES = 400 * 1024 * 1024;
/**
 * Wall-clock deadlines from spawn to exit. On an idle two-core machine a request case takes 2-5 s (startup
 * ~2 s + at most one `--timeout 2s`) and a flood ~15 s; the margin is for a loaded CI box.
 */
const DEADLINE_MS = { request: 30_000, target: 30_000, notify: 60_000 } as const;
const PARALLEL = 2;

interface Expected {
  readonly exit: number;
  readonly hit: { readonly status: string; readonly codes: readonly string[] };
  /** Status of HARD-SAFE (default passed). */
  readonly safe?: string;
  /** A message the hit scenario's findings must contain (e.g. how many events were dropped). */
  readonly message?: RegExp;
}

const failed = (...codes: string[]): Expected => ({ exit: 1, hit: { status: 'failed', codes } });
const warned = (...codes: string[]): Expected => ({ exit: 0, hit: { status: 'passed', codes } });

const EXPECTED: Readonly<Record<string, Expected>> = {
  'connection-refused': {
    exit: 3,
    hit: { status: 'errored', codes: ['transport.connectionRefused'] },
    safe: 'errored',
  },
  'reset-on-request': failed('transport.connectionReset'),
  'reset-mid-body': failed('transport.connectionReset'),
  'no-response': failed('transport.timeout'),
  'headers-then-silence': failed('transport.timeout'),
  'byte-a-second': failed('transport.timeout'),
  'body-50mb': failed('transport.bodyTooLarge'),
  'invalid-json': failed('body.invalidJson'),
  'truncated-json': failed('body.invalidJson'),
  'wrong-content-type': failed('contentType.notJson'),
  'missing-content-type': failed('contentType.missing'),
  'compressed-garbage': failed('body.contentEncoded'),
  'redirect-loop': failed('status.undocumented', 'expect.status'),
  'redirect-other-host': failed('status.undocumented', 'expect.status'),
  '5xx-storm': failed('status.undocumented', 'expect.status'),
  'not-http': failed('transport.protocol'),
  'header-overflow': failed('transport.protocol'),
  'bad-chunking': failed('transport.protocol'),
  'deep-json': failed('schema.type'),
  'notification-flood': { ...failed('notification.dropped'), message: /dropped 2000 older/ },
  'garbage-flood': {
    ...failed('notification.invalid', 'notification.dropped'),
    message: /and 99\d\d more notification\.invalid/,
  },
  'duplicate-events': warned('notification.duplicate'),
  'late-events': failed('notification.missing'),
  'out-of-order-events': warned('notification.outOfOrder'),
  'unknown-order-events': warned('notification.unknownOrder'),
  'huge-event-bodies': failed('notification.invalid', 'notification.dropped'),
  'trickled-event': warned(),
};

const slot = limiter(PARALLEL);

function describeScenario(s: ReportScenario | undefined): string {
  if (!s) return '(missing)';
  const codes = scenarioFindings(s).map((f) => `${f.code}/${f.severity}`);
  return `${s.id} ${s.status} [${codes.join(', ')}] ${s.message ?? ''}`;
}

test('the catalog holds at least 20 misbehaviours, each with an expectation', () => {
  expect(HOSTILE_SELLERS.length).toBeGreaterThanOrEqual(20);
  expect(HOSTILE_SELLERS.map((h) => h.name).sort()).toEqual(Object.keys(EXPECTED).sort());
});

const cases = HOSTILE_SELLERS.map((h): [string, HostileEntry] => [h.name, h]);

test.concurrent.each(cases)(
  '%s: bounded run, located finding, other scenario unharmed, valid reports',
  (_name, hostile) =>
    slot(async () => {
      const expected = EXPECTED[hostile.name]!;
      const seller = await hostile.start();
      const dir = tempDir('lso-hostile-');
      const notify = hostile.kind === 'notify';
      try {
        const out = await runHarness(
          [
            'run',
            path.join(HARDENING_FIXTURES, 'safe.yaml'),
            path.join(HARDENING_FIXTURES, notify ? 'hit-notify.yaml' : 'hit-request.yaml'),
            '--fixtures',
            path.join(HARDENING_FIXTURES, 'fixtures'),
            '--target',
            seller.url,
            '--capabilities',
            'notifications',
            // Notification windows (2h) are 2 s of real time at 3600x: room for a busy machine.
            '--time-scale',
            notify ? '3600' : '36000',
            // The barrier request of a notify case waits while the Seller floods the listener.
            '--timeout',
            notify ? '30s' : '2s',
            '--report-dir',
            dir,
          ],
          { killAfterMs: 90_000 },
        );
        const context = `${hostile.name}: exit ${out.code}, ${out.wallMs} ms\nstderr: ${out.stderr.slice(0, 2000)}`;
        expect({ killed: out.killed, context }).toEqual({ killed: false, context });
        expect(out.wallMs).toBeLessThan(DEADLINE_MS[hostile.kind]);
        expect(out.stderr).not.toMatch(/\n\s+at /);

        const reports = readReports(dir);
        const byId = new Map(reports.results.scenarios.map((s) => [s.id, s]));
        const hit = byId.get(notify ? 'HARD-HIT-NOTIFY' : 'HARD-HIT-REQUEST');
        const safe = byId.get('HARD-SAFE');
        const summary = `${describeScenario(hit)}\n${describeScenario(safe)}`;
        expect({ exit: out.code, summary }).toEqual({ exit: expected.exit, summary });
        expect({ hit: hit?.status, safe: safe?.status, summary }).toEqual({
          hit: expected.hit.status,
          safe: expected.safe ?? 'passed',
          summary,
        });

        const findings = scenarioFindings(hit!);
        const codes = findings.map((f) => f.code);
        for (const code of expected.hit.codes)
          expect({ code, codes }).toEqual({ code, codes: expect.arrayContaining([code]) as unknown });
        if (expected.message) expect(findings.map((f) => f.message).join('\n')).toMatch(expected.message);
        if (!notify) {
          // The evidence: the finding cites an exchange that the report carries.
          const cited = findings.find((f) => f.code === expected.hit.codes[0]);
          expect(cited?.exchangeId).toBeDefined();
          expect(scenarioExchangeIds(hit!).has(cited!.exchangeId!)).toBe(true);
        } else {
          // Events judged after the steps carry their own evidence (ids, time, state, or why refused).
          for (const f of findings.filter((x) => /^notification\.(?!dropped|missing)/.test(x.code)))
            expect(f.actual ?? f.message).toBeDefined();
          const perEvent = findings.find((f) => /^notification\.(?!dropped|missing)/.test(f.code));
          if (perEvent && !/more .* findings like the above/.test(perEvent.message))
            expect(perEvent.actual).toMatchObject({ eventType: 'productOrderStateChangeEvent' });
        }
        expect(reports.results.summary.total).toBe(2);
        expect(reports.html.length).toBeGreaterThan(1000);

        expect(out.peakRssBytes).toBeDefined();
        expect(out.peakRssBytes!).toBeLessThan(RSS_BOUND_BYTES);
        process.stdout.write(
          `hostile ${hostile.name.padEnd(22)} exit ${String(out.code)} ${String(out.wallMs).padStart(6)} ms  ` +
            `peak RSS ${Math.round(out.peakRssBytes! / 2 ** 20)} MB  hit ${hit?.status} [${[...new Set(codes)].join(' ')}]\n`,
        );
      } finally {
        await seller.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
  180_000,
);
