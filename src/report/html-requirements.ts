/**
 * The per-requirement table: the page a team reads before certification. Each covering scenario links
 * to its section; failing ones are marked so the evidence is one click away.
 */
import type { RequirementResult } from '../results/model';
import { html, scenarioAnchor, type SafeHtml } from './html-template';
import { VERDICT_LABEL } from './labels';

const settled = new Set(['conformant', 'notApplicable']);

function scenarioLinks(r: RequirementResult): SafeHtml {
  if (r.scenarios.length === 0) return html`<span class="muted">none</span>`;
  return html`${r.scenarios.map((id, i) => {
    const failed = r.failedScenarios.includes(id);
    return html`${i > 0 && ', '}<a href="${`#${scenarioAnchor(id)}`}" class="${failed ? 'failed' : ''}"
        >${id}</a
      >${failed && html` <span class="badge failed">✗</span>`}`;
  })}`;
}

export function renderRequirementTable(requirements: readonly RequirementResult[]): SafeHtml {
  if (requirements.length === 0) return html`<p class="muted">No requirements were evaluated.</p>`;
  return html`<table class="requirements">
    <thead>
      <tr>
        <th>Requirement</th>
        <th>Summary</th>
        <th>Verdict</th>
        <th>Covering scenarios</th>
      </tr>
    </thead>
    <tbody>
      ${requirements.map(
        (r) =>
          html`<tr
            class="${`req ${r.verdict}${settled.has(r.verdict) ? ' ok' : ''}`}"
            data-requirement="${r.id}"
          >
            <td class="id">${r.id}</td>
            <td>
              ${r.summary ?? ''}${r.role !== undefined && html` <span class="muted">(${r.role})</span>`}
            </td>
            <td><span class="badge ${r.verdict}">${VERDICT_LABEL[r.verdict]}</span></td>
            <td>${scenarioLinks(r)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
