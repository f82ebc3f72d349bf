/**
 * A scenario in the HTML report: a `<details>` (open when it failed or errored) listing its steps. A
 * failing or errored step shows its findings and the evidence (exchanges with a curl replay) in full;
 * other steps keep their exchanges folded away.
 */
import type { Exchange, Finding, ScenarioResult, StepResult } from '../results/model';
import { formatDuration } from '../util/duration';
import { describeValue } from './collect-findings';
import { renderExchange, type HtmlDisplayOptions } from './html-exchange';
import { html, scenarioAnchor, type SafeHtml } from './html-template';
import { STATUS_LABEL, STATUS_SYMBOL } from './labels';

/** Exchanges shown in full for a failing step: those its findings cite, and the last one. */
const LAST = 1;

const badge = (status: ScenarioResult['status']): SafeHtml =>
  html`<span class="badge ${status}">${STATUS_SYMBOL[status]} ${STATUS_LABEL[status]}</span>`;

const isProblem = (status: ScenarioResult['status']): boolean => status === 'failed' || status === 'errored';

export function renderFindings(findings: readonly Finding[]): SafeHtml {
  if (findings.length === 0) return html``;
  return html`<table class="findings">
    <tr>
      <th>Finding</th>
      <th>Message</th>
      <th>Requirements</th>
      <th>Expected</th>
      <th>Actual</th>
    </tr>
    ${findings.map(
      (f) =>
        html`<tr class="${`finding-${f.severity}`}">
          <td><span class="muted">${f.severity}</span><br /><code>${f.code}</code></td>
          <td>
            ${f.message}${f.pointer !== undefined && html`<br /><span class="muted">at</span> <code>${f.pointer || '/'}</code>`}
          </td>
          <td>${f.requirements.join(', ')}</td>
          <td>${f.expected !== undefined && html`<code>${describeValue(f.expected, 2000)}</code>`}</td>
          <td>${f.actual !== undefined && html`<code>${describeValue(f.actual, 2000)}</code>`}</td>
        </tr>`,
    )}
  </table>`;
}

function renderEvidence(step: StepResult, o: HtmlDisplayOptions): SafeHtml {
  const cited = new Set(step.findings.map((f) => f.exchangeId));
  const shown = step.exchanges.filter((e, i) => cited.has(e.id) || i >= step.exchanges.length - LAST);
  const rest = step.exchanges.filter((e) => !shown.includes(e));
  return html`${shown.map((e) => renderExchange(e, o))} ${folded(rest, o, 'more')}`;
}

function folded(exchanges: readonly Exchange[], o: HtmlDisplayOptions, word: string): SafeHtml {
  if (exchanges.length === 0) return html``;
  const label = `${exchanges.length} ${word} exchange${exchanges.length === 1 ? '' : 's'}`;
  return html`<details class="exchanges">
    <summary class="muted">${label}</summary>
    ${exchanges.map((e) => renderExchange(e, o))}
  </details>`;
}

function renderStep(step: StepResult, position: number, o: HtmlDisplayOptions): SafeHtml {
  const problem = isProblem(step.status);
  return html`<div class="${`step ${step.status}`}">
    <div class="step-head">
      ${badge(step.status)} <span class="name">${position}. ${step.name}</span>
      <span class="muted">${step.kind} · ${formatDuration(step.durationMs)}</span>
    </div>
    ${step.message !== undefined && html`<p class="message">${step.message}</p>`}
    ${renderFindings(step.findings)}
    ${problem ? renderEvidence(step, o) : folded(step.exchanges, o, 'recorded')}
  </div>`;
}

export function renderScenario(s: ScenarioResult, o: HtmlDisplayOptions): SafeHtml {
  // A skip's reason belongs in the one line a reader sees without opening it.
  const folds = s.status === 'skipped' || s.status === 'notApplicable';
  const list = (label: string, items: readonly string[]) =>
    items.length > 0 && html`<span class="muted">${label}:</span> ${items.join(', ')} `;
  return html`<details
    class="${`scenario ${s.status}${isProblem(s.status) ? '' : ' ok'}`}"
    id="${scenarioAnchor(s.id)}"
    ${isProblem(s.status) && html`open`}
  >
    <summary>
      ${badge(s.status)} <span class="title">${s.id}: ${s.title}</span>
      <span class="muted">· ${formatDuration(s.durationMs)} · ${s.file}</span>
      ${folds && s.message !== undefined && html`<span class="reason">· ${s.message}</span>`}
    </summary>
    <div class="scenario-body">
      <p>${list('Requirements', s.requirements)} ${list('Tags', s.tags)} ${list('Needs', s.capabilities)}</p>
      ${s.message !== undefined && html`<p class="message">${s.message}</p>`}
      ${s.steps.map((step, i) => renderStep(step, i + 1, o))}
      ${
        s.findings.length > 0 &&
        html`<h4>Whole-scenario checks</h4>
          ${renderFindings(s.findings)}`
      }
    </div>
  </details>`;
}
