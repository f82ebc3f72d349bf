/**
 * `junit.xml`. One `<testsuite>` per run (not per scenario file): its counts are then exactly the run's
 * summary, and CI tools still group test cases by `classname`, which carries the scenario file. Status
 * mapping keeps STYLE.md's split: `failed` (the target does not conform) → `<failure>`, `errored` (harness
 * or infrastructure trouble) → `<error>`, `skipped` and `notApplicable` → `<skipped>` with a message
 * saying which. So `skipped` = summary.skipped + summary.notApplicable.
 */
import type { RunResult, ScenarioResult } from '../results/model';
import { collectFindings, explainScenario } from './collect-findings';
import { escapeAttribute as attr, escapeMarkup as text } from './markup-escape';
import { renderRedacted, type WriterOptions } from './redact';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Jenkins splits classname on dots into package.class, so the file's extension is dropped. */
function classname(s: ScenarioResult): string {
  if (s.file) return s.file.replace(/\.ya?ml$/i, '');
  return s.tags[0] ?? 'scenarios';
}

function outcome(s: ScenarioResult): string {
  switch (s.status) {
    case 'passed':
      return '';
    case 'failed': {
      const first = collectFindings(s)[0]?.finding;
      const message = first?.message ?? s.message ?? s.steps.find((st) => st.status === 'failed')?.message;
      const type = first?.code ?? 'nonConformant';
      const body = explainScenario(s).join('\n');
      return `<failure message="${attr(message ?? 'failed')}" type="${attr(type)}">${text(body)}</failure>`;
    }
    case 'errored': {
      const message = s.message ?? s.steps.find((st) => st.status === 'errored')?.message ?? 'errored';
      return `<error message="${attr(message)}" type="harness">${text(explainScenario(s).join('\n'))}</error>`;
    }
    case 'skipped':
    case 'notApplicable': {
      const label = s.status === 'skipped' ? 'skipped' : 'not applicable';
      const why = s.message ?? (s.capabilities.length > 0 ? `needs ${s.capabilities.join(', ')}` : '');
      return `<skipped message="${attr(why ? `${label}: ${why}` : label)}"/>`;
    }
  }
}

function testcase(s: ScenarioResult): string {
  const open = `<testcase classname="${attr(classname(s))}" name="${attr(`${s.id}: ${s.title}`)}" time="${seconds(s.durationMs)}"`;
  const inner = outcome(s);
  return inner ? `    ${open}>\n      ${inner}\n    </testcase>` : `    ${open}/>`;
}

function render(result: RunResult): string {
  const count = (...statuses: string[]) => result.scenarios.filter((s) => statuses.includes(s.status)).length;
  const m = result.manifest;
  const counts =
    `tests="${result.scenarios.length}" failures="${count('failed')}" errors="${count('errored')}" ` +
    `skipped="${count('skipped', 'notApplicable')}" time="${seconds(result.scenarios.reduce((t, s) => t + s.durationMs, 0))}"`;
  const properties: [string, string][] = [
    ['harnessVersion', m.harnessVersion],
    ['role', m.role],
    ['apiVersion', m.apiVersion],
    ['target', m.target],
    ['capabilities', m.capabilities.join(',')],
    ['specSha256.management', m.specSha256.management],
    ['specSha256.notification', m.specSha256.notification],
    ['runStatus', result.status],
  ];
  const suiteName = `lso-harness ${m.apiVersion} ${m.role}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lso-harness" ${counts}>`,
    `  <testsuite name="${attr(suiteName)}" ${counts} timestamp="${attr(m.startedAt)}">`,
    '    <properties>',
    ...properties.map(([n, v]) => `      <property name="${attr(n)}" value="${attr(v)}"/>`),
    '    </properties>',
    ...result.scenarios.map(testcase),
    // Run-level problems have no scenario of their own; they go where CI tools show suite output.
    ...(result.errors.length > 0 ? [`    <system-err>${text(result.errors.join('\n'))}</system-err>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** The RunResult as JUnit XML (one suite per run; see the module comment for the status mapping). */
export function writeJunit(result: RunResult, options: WriterOptions = {}): string {
  return renderRedacted(result, options.secrets, render);
}
