/**
 * Builders of sample RunResults for the reporter tests: one scenario per status, evidence on the failing
 * one, and a hostile one carrying what a malicious target could send back.
 */
import type {
  Exchange,
  Finding,
  RequirementResult,
  RunResult,
  ScenarioResult,
  Status,
  StepResult,
  Verdict,
} from '../../src/results/model';
import { summarise } from '../../src/run/run-assembly';

export const TARGET = 'https://seller.example/mefApi/sonata/productOrderingManagement/v11';
const T0 = '2026-11-23T13:20:08.000Z';

export function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: 'ex-1',
    kind: 'request',
    operationId: 'createProductOrder',
    startedAt: T0,
    durationMs: 42,
    request: {
      method: 'POST',
      url: `${TARGET}/productOrder`,
      headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': '64' },
      body: JSON.stringify({ externalId: "O'Brien-001", productOrderItem: [{ id: '1', action: 'add' }] }),
    },
    response: {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'invalidBody', reason: 'productOrderItem.product missing' }),
    },
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'expect-status',
    code: 'status.unexpected',
    severity: 'error',
    message: 'expected status 201, got 400',
    requirements: ['R17', 'R18'],
    exchangeId: 'ex-1',
    pointer: '',
    expected: 201,
    actual: 400,
    ...overrides,
  };
}

export function step(overrides: Partial<StepResult> = {}): StepResult {
  return {
    index: 0,
    name: 'createProductOrder',
    kind: 'request',
    status: 'passed',
    startedAt: T0,
    durationMs: 50,
    findings: [],
    exchanges: [],
    ...overrides,
  };
}

export function scenario(status: Status, overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    id: `PO-${status.toUpperCase()}-001`,
    title: `A ${status} scenario`,
    file: 'scenarios/po-create.yaml',
    status,
    requirements: ['R10'],
    tags: ['create'],
    capabilities: [],
    startedAt: T0,
    durationMs: 1234,
    steps: [],
    findings: [],
    ...overrides,
  };
}

export const passedScenario = (): ScenarioResult =>
  scenario('passed', {
    id: 'PO-CREATE-001',
    title: 'Create an install order',
    requirements: ['R10', 'R19'],
    steps: [step({ exchanges: [exchange({ response: { status: 201, headers: {}, body: '{"id":"42"}' } })] })],
  });

export const failedScenario = (): ScenarioResult =>
  scenario('failed', {
    id: 'PO-CREATE-002',
    title: 'Reject an order without a product',
    requirements: ['R17', 'R18', 'R19'],
    steps: [
      step({ name: 'registerHub', kind: 'register-hub', index: 0 }),
      step({
        index: 1,
        status: 'failed',
        findings: [
          finding(),
          finding({ code: 'schema.required', message: "must have required property 'id'", pointer: '/id' }),
          finding({
            severity: 'warning',
            code: 'header.location',
            message: 'no Location header',
            requirements: [],
          }),
        ],
        exchanges: [exchange()],
      }),
    ],
    findings: [
      finding({
        check: 'notification-rules',
        code: 'notification.missing',
        message: 'no stateChange',
        requirements: ['R23'],
      }),
    ],
  });

export const erroredScenario = (): ScenarioResult =>
  scenario('errored', {
    id: 'PO-ERR-001',
    title: 'Target unreachable',
    requirements: ['R30'],
    steps: [
      step({
        status: 'errored',
        message: 'the target did not answer',
        exchanges: [
          exchange({ response: undefined, error: { code: 'connectionRefused', message: 'ECONNREFUSED' } }),
        ],
      }),
    ],
  });

export const skippedScenario = (): ScenarioResult =>
  scenario('skipped', {
    id: 'PO-PROMPT-001',
    requirements: ['R40'],
    message: 'prompt step under CI',
    durationMs: 0,
  });

export const notApplicableScenario = (): ScenarioResult =>
  scenario('notApplicable', {
    id: 'PO-CANCEL-001',
    requirements: ['CR2'],
    capabilities: ['cancel'],
    message: 'the target does not declare capability cancel',
    durationMs: 0,
  });

/** What a hostile target could send: markup, CDATA terminators, control characters, a 1 MB body. */
export const HOSTILE = "<script>alert('x')</script> ]]> \u0000\u0001\u001b[31m\u0008 \ud800 \u202e";
export const BIG_BODY = `{"junk":"${'A'.repeat(1024 * 1024)}"}`;

export const hostileScenario = (): ScenarioResult =>
  scenario('failed', {
    id: 'PO-HOSTILE-001',
    title: `Hostile ${HOSTILE}`,
    requirements: ['R17'],
    steps: [
      step({
        status: 'failed',
        message: HOSTILE,
        findings: [finding({ message: `echo: ${HOSTILE}`, actual: HOSTILE, pointer: '/a]]>' })],
        exchanges: [
          exchange({
            response: { status: 500, headers: { 'x-evil': HOSTILE }, body: `${HOSTILE}\n${BIG_BODY}` },
          }),
        ],
      }),
    ],
  });

function verdictOf(statuses: readonly Status[]): Verdict {
  if (statuses.every((s) => s === 'notApplicable')) return 'notApplicable';
  const failed = statuses.includes('failed');
  if (failed) return statuses.includes('passed') ? 'partial' : 'nonConformant';
  return statuses.includes('passed') ? 'conformant' : 'notTested';
}

/** A RunResult whose summary, status and requirement verdicts are derived from the scenarios given. */
export function runResult(
  scenarios: readonly ScenarioResult[],
  overrides: Partial<RunResult> = {},
): RunResult {
  const count = (s: Status) => scenarios.filter((x) => x.status === s).length;
  const ids = [...new Set(scenarios.flatMap((s) => s.requirements))].sort();
  const requirements: RequirementResult[] = ids.map((id) => {
    const covering = scenarios.filter((s) => s.requirements.includes(id));
    return {
      id,
      verdict: verdictOf(covering.map((s) => s.status)),
      summary: `Requirement ${id} in our own words`,
      role: 'Seller',
      scenarios: covering.map((s) => s.id),
      failedScenarios: covering.filter((s) => s.status === 'failed').map((s) => s.id),
    };
  });
  return {
    schemaVersion: 1,
    status: count('errored') > 0 ? 'errored' : count('failed') > 0 ? 'failed' : 'passed',
    manifest: {
      harnessVersion: '0.1.0',
      role: 'seller',
      apiVersion: 'sonata-v11',
      specSha256: { management: 'a'.repeat(64), notification: 'b'.repeat(64) },
      capabilities: ['notifications', 'charges'],
      target: TARGET,
      embeddedTarget: false,
      startedAt: T0,
      endedAt: '2026-11-23T13:21:13.500Z',
      nodeVersion: '20.19.0',
      options: { concurrency: 1 },
    },
    summary: summarise(scenarios),
    scenarios,
    requirements,
    errors: [],
    ...overrides,
  };
}

/** One scenario of each status, the failing one with evidence. */
export const mixedRun = (): RunResult =>
  runResult([
    passedScenario(),
    failedScenario(),
    erroredScenario(),
    skippedScenario(),
    notApplicableScenario(),
  ]);

export const passedRun = (): RunResult => runResult([passedScenario()]);

export const hostileRun = (): RunResult =>
  runResult([hostileScenario()], { errors: [`listener: ${HOSTILE}`] });
