/**
 * Findings located in their scenario (which step, which exchange), in the order a reader meets them:
 * steps first, then the whole-scenario checks. Shared by the JUnit body and the console summary so both
 * tell the same story in plain text.
 */
import type { Exchange, Finding, ScenarioResult, Severity, StepResult } from '../results/model';
import { truncateText } from './markup-escape';

export interface LocatedFinding {
  /** `step 2 createProductOrder`, or `scenario` for whole-scenario findings. */
  readonly where: string;
  readonly step?: StepResult;
  readonly exchange?: Exchange;
  readonly finding: Finding;
}

/** Steps are numbered by position (1-based) so the label never depends on how the runner counts. */
export function stepLabel(scenario: ScenarioResult, step: StepResult): string {
  return `step ${scenario.steps.indexOf(step) + 1} ${step.name}`;
}

export function collectFindings(
  scenario: ScenarioResult,
  severities: readonly Severity[] = ['error'],
): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  for (const step of scenario.steps) {
    for (const finding of step.findings) {
      if (!severities.includes(finding.severity)) continue;
      const exchange = step.exchanges.find((e) => e.id === finding.exchangeId);
      out.push({ where: stepLabel(scenario, step), step, finding, ...(exchange ? { exchange } : {}) });
    }
  }
  for (const finding of scenario.findings) {
    if (severities.includes(finding.severity)) out.push({ where: 'scenario', finding });
  }
  return out;
}

/** A value from `expected`/`actual` as one short line of JSON. */
export function describeValue(value: unknown, max = 200): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  const cut = truncateText(text, max);
  return cut.omitted > 0 ? `${cut.text}… (${cut.omitted} more characters)` : cut.text;
}

/** `code [R17, R18]: message`, then `at /ptr  expected: 201  actual: 400` when there is detail. */
export function findingLines(finding: Finding): string[] {
  const reqs = finding.requirements.length > 0 ? ` [${finding.requirements.join(', ')}]` : '';
  const lines = [`${finding.code}${reqs}: ${finding.message}`];
  const detail: string[] = [];
  if (finding.pointer !== undefined) detail.push(`at ${finding.pointer || '/'}`);
  if (finding.expected !== undefined) detail.push(`expected: ${describeValue(finding.expected)}`);
  if (finding.actual !== undefined) detail.push(`actual: ${describeValue(finding.actual)}`);
  if (detail.length > 0) lines.push(detail.join('  '));
  return lines;
}

/** `POST https://…/productOrder → 400` or `→ timeout: …`, the one-line shape of an exchange. */
export function exchangeLine(exchange: Exchange): string {
  const { method, url } = exchange.request;
  if (exchange.response) return `${method} ${url} → ${exchange.response.status}`;
  if (exchange.error) return `${method} ${url} → ${exchange.error.code}: ${exchange.error.message}`;
  return `${method} ${url} → no response`;
}

/**
 * Why a failed or errored scenario is not green, as plain-text lines (nested detail indented by two
 * spaces): its message, errored steps with their transport errors, then each error finding with its
 * detail and the exchange it cites. `maxFindings` keeps a terminal readable against a badly broken target.
 */
export function explainScenario(s: ScenarioResult, maxFindings = Infinity): string[] {
  const lines = s.message ? [s.message] : [];
  for (const step of s.steps) {
    if (step.status !== 'errored') continue;
    lines.push(`${stepLabel(s, step)}: ${step.message ?? 'errored'}`);
    for (const e of step.exchanges) if (e.error) lines.push(`  ${exchangeLine(e)}`);
  }
  const located = collectFindings(s);
  for (const { where, finding, exchange } of located.slice(0, maxFindings)) {
    const [head = '', ...rest] = findingLines(finding);
    lines.push(`${where}: ${head}`, ...rest.map((l) => `  ${l}`));
    if (exchange) lines.push(`  ${exchangeLine(exchange)}`);
  }
  if (located.length > maxFindings) {
    lines.push(`… and ${located.length - maxFindings} more error findings (see report.html or results.json)`);
  }
  return lines;
}
