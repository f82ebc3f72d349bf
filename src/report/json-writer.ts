/**
 * `results.json`: the RunResult as pretty JSON. Keys come out in the order the model declares them,
 * whatever order the runner built its objects in, so two runs diff cleanly. Keys the model does not know
 * (a newer runner) follow, sorted; free-form records (headers, options, expected/actual) keep their order.
 */
import type { RunResult } from '../results/model';
import { redactValue, reportRedactor, type ReportRedactor, type WriterOptions } from './redact';

type Shape = { readonly keys: readonly string[]; readonly children?: Readonly<Record<string, Shape>> };

const FINDING: Shape = {
  keys: [
    'check',
    'code',
    'severity',
    'message',
    'requirements',
    'exchangeId',
    'pointer',
    'expected',
    'actual',
  ],
};
const MESSAGE = { keys: ['method', 'url', 'status', 'headers', 'body', 'bodyTruncated'] };
const EXCHANGE: Shape = {
  keys: ['id', 'kind', 'operationId', 'startedAt', 'durationMs', 'request', 'response', 'error'],
  children: { request: MESSAGE, response: MESSAGE, error: { keys: ['code', 'message'] } },
};
const STEP: Shape = {
  keys: ['index', 'name', 'kind', 'status', 'startedAt', 'durationMs', 'findings', 'exchanges', 'message'],
  children: { findings: FINDING, exchanges: EXCHANGE },
};
const SCENARIO: Shape = {
  keys: [
    'id',
    'title',
    'file',
    'status',
    'requirements',
    'tags',
    'capabilities',
    'startedAt',
    'durationMs',
    'steps',
    'findings',
    'message',
  ],
  children: { steps: STEP, findings: FINDING },
};
const RUN: Shape = {
  keys: ['schemaVersion', 'status', 'manifest', 'summary', 'scenarios', 'requirements', 'errors'],
  children: {
    manifest: {
      keys: [
        'harnessVersion',
        'role',
        'apiVersion',
        'specSha256',
        'capabilities',
        'target',
        'embeddedTarget',
        'startedAt',
        'endedAt',
        'nodeVersion',
        'options',
        'shard',
      ],
      children: { specSha256: { keys: ['management', 'notification'] } },
    },
    summary: { keys: ['total', 'passed', 'failed', 'errored', 'skipped', 'notApplicable'] },
    scenarios: SCENARIO,
    requirements: { keys: ['id', 'verdict', 'summary', 'role', 'scenarios', 'failedScenarios'] },
  },
};

/** A copy in model key order; with `redactor`, its strings redacted in the same walk. */
function order(value: unknown, shape: Shape, redactor?: ReportRedactor, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => order(v, shape, redactor));
  if (value === null || typeof value !== 'object')
    return redactor && typeof value === 'string' ? redactor.value(value, key) : value;
  const source = value as Record<string, unknown>;
  const known = shape.keys.filter((k) => k in source);
  const extra = Object.keys(source)
    .filter((k) => !shape.keys.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...extra]) {
    const child = shape.children?.[k];
    out[k] = child
      ? order(source[k], child, redactor, k)
      : redactor
        ? redactValue(source[k], redactor, k)
        : source[k];
  }
  return out;
}

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The RunResult as pretty JSON, keys in model order, with a trailing newline. */
export function writeJson(result: RunResult, options: WriterOptions = {}): string {
  if (options.secrets === undefined) return pretty(order(result, RUN));
  // Ordering and redacting in one walk (renderRedacted would copy the result twice).
  const redactor = reportRedactor(options.secrets);
  return redactor.output(pretty(order(result, RUN, redactor)));
}
