import * as path from 'node:path';
import { faultNamed, type FaultDefinition } from '../../emulators/seller/faults/fault-catalog';
import { summarise } from '../../src/run/run-assembly';
import type { RunResult, ScenarioResult } from '../../src/results';
import { loadScenarioFiles } from '../../src/scenario';
import {
  faultProfile,
  formatSelfcheckMarkdown,
  formatSelfcheckText,
  judgeFault,
  runSelfcheck,
} from '../../src/selfcheck';
import { loadApiSpec } from '../../src/spec';

const ROOT = path.join(__dirname, '..', '..');
const SCENARIOS = path.join(ROOT, 'scenarios');

const fault = (name: string): FaultDefinition => {
  const f = faultNamed(name);
  if (!f) throw new Error(`no fault ${name}`);
  return f;
};

function scenario(id: string, status: ScenarioResult['status'], code = 'expect.status'): ScenarioResult {
  return {
    id,
    title: id,
    file: `${id}.yaml`,
    status,
    requirements: [],
    tags: [],
    capabilities: [],
    startedAt: '2025-01-01T00:00:00.000Z',
    durationMs: 1,
    steps: [
      {
        index: 0,
        name: 'step',
        kind: 'request',
        status,
        startedAt: '2025-01-01T00:00:00.000Z',
        durationMs: 1,
        findings:
          status === 'failed'
            ? [{ check: 'expect', code, severity: 'error', message: 'no', requirements: ['R61'] }]
            : [],
        exchanges: [],
      },
    ],
    findings: [],
  };
}

const passed = (r: RunResult) => new Set(r.scenarios.filter((s) => s.status === 'passed').map((s) => s.id));

function run(scenarios: ScenarioResult[]): RunResult {
  const count = (s: string) => scenarios.filter((x) => x.status === s).length;
  return {
    schemaVersion: 1,
    status: count('failed') ? 'failed' : 'passed',
    manifest: {} as RunResult['manifest'],
    summary: summarise(scenarios),
    scenarios,
    requirements: [],
    errors: [],
  };
}

describe('judging a fault', () => {
  test('caught only by scenarios that fail with it and pass without it', () => {
    const baseline = run([
      scenario('A', 'passed'),
      scenario('B', 'failed'),
      scenario('C', 'notApplicable'),
      scenario('D', 'passed'),
    ]);
    const withFault = run([
      scenario('A', 'failed', 'expect.count'),
      scenario('B', 'failed'),
      scenario('C', 'notApplicable'),
      scenario('D', 'passed'),
    ]);
    const outcome = judgeFault(fault('list-no-match-404'), withFault, passed(baseline), 5);
    expect(outcome).toMatchObject({
      fault: 'list-no-match-404',
      verdict: 'caught',
      caughtBy: ['A'],
      notCounted: ['B'],
      evidence: [{ scenario: 'A', codes: ['expect.count'], requirements: ['R61'], onPoint: true }],
      run: { failed: ['A', 'B'], durationMs: 5 },
    });
  });

  test('scenarios whose findings name a requirement of the fault come first', () => {
    const baseline = run([scenario('A', 'passed'), scenario('B', 'passed')]);
    const a = scenario('A', 'failed');
    const withFault = run([
      {
        ...a,
        steps: [{ ...a.steps[0]!, findings: [{ ...a.steps[0]!.findings[0]!, requirements: ['R1'] }] }],
      },
      scenario('B', 'failed'),
    ]);
    const outcome = judgeFault(fault('list-no-match-404'), withFault, passed(baseline), 1);
    expect(outcome.caughtBy).toEqual(['B', 'A']);
    expect(outcome.evidence.map((e) => e.onPoint)).toEqual([true, false]);
  });

  test('a fault that only breaks scenarios already failing is missed', () => {
    const baseline = run([scenario('B', 'failed')]);
    const outcome = judgeFault(
      fault('list-no-match-404'),
      run([scenario('B', 'failed')]),
      passed(baseline),
      1,
    );
    expect(outcome.verdict).toBe('missed');
    expect(outcome.caughtBy).toEqual([]);
  });

  test('a fault profile is the default profile with the fault on and its bundles off', () => {
    const p = faultProfile(['unsupported-answers-404'], ['cancel']);
    expect(p.faults).toEqual(['unsupported-answers-404']);
    expect(p.capabilities.cancel).toBe(false);
    expect(p.capabilities.charges).toBe(true);
    expect(faultProfile([], []).faults).toEqual([]);
  });
});

describe('runSelfcheck (in process, a few faults against a few scenarios)', () => {
  jest.setTimeout(120_000);

  test('each fault is caught by the scenario made for it; the baselines pass', async () => {
    const loaded = await loadScenarioFiles(
      [
        'order/create-install.yaml',
        'order/list-filters.yaml',
        'notifications/hub-lifecycle.yaml',
        'notifications/order-events.yaml',
        'capabilities/no-cancel.yaml',
      ].map((f) => path.join(SCENARIOS, f)),
      { fixtureRoots: [path.join(SCENARIOS, 'fixtures')] },
    );
    expect(loaded.problems).toEqual([]);
    const expected: Record<string, string> = {
      'create-answers-200': 'PO-CREATE-001',
      'completed-without-completion-date': 'PO-CREATE-001',
      'list-total-count-wrong': 'PO-LIST-001',
      'hub-delete-200-with-body': 'HUB-001',
      'notifies-acknowledged': 'NOT-ORDER-001',
      'unsupported-answers-404': 'CAP-CANCEL-001',
    };
    const ends: string[] = [];
    const result = await runSelfcheck({
      scenarios: loaded.scenarios,
      spec: await loadApiSpec('sonata-v11'),
      faults: Object.keys(expected).map(fault),
      jobs: 4,
      concurrency: 4,
      timeScale: 36_000,
      onRunEnd: (e) => ends.push(e.fault?.fault ?? 'baseline'),
    });
    expect(result.baselines.map((b) => ({ without: b.without, passed: b.passed, failed: b.failed }))).toEqual(
      [
        { without: [], passed: true, failed: [] },
        { without: ['cancel'], passed: true, failed: [] },
      ],
    );
    expect(result.baselines.flatMap((b) => b.flaky)).toEqual([]);
    for (const f of result.faults) {
      expect({ fault: f.fault, verdict: f.verdict }).toEqual({ fault: f.fault, verdict: 'caught' });
      expect(f.caughtBy).toContain(expected[f.fault]);
      expect(f.caughtBy).toContain(f.confirmedBy);
      expect(f.evidence.every((e) => e.codes.length > 0)).toBe(true);
    }
    expect(result).toMatchObject({ verdict: 'passed', caught: 6, missed: 0, scenarioCount: 5 });
    expect(ends).toHaveLength(8);
    // Reported in the order asked, although notification faults (the slow ones) start first.
    expect(result.faults.map((f) => f.fault)).toEqual(Object.keys(expected));
    expect(formatSelfcheckText(result)).toMatch(/6 of 6 faults caught[^]*selfcheck: passed/);
    const md = formatSelfcheckMarkdown(result);
    expect(md).toContain('| `unsupported-answers-404` | O1, CR2 |');
    expect(md.split('\n').filter((l) => l.startsWith('| `'))).toHaveLength(6);
  });
});
