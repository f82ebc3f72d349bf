/**
 * `report.html`: one self-contained page (inline CSS, no script, no external assets) a person reads at a
 * glance: the verdict, what was tested, the counts, the per-requirement table, then every scenario with
 * its evidence. Every value from the run goes through the escaping `html` template.
 */
import type { RunResult } from '../results/model';
import { formatDuration } from '../util/duration';
import type { HtmlDisplayOptions } from './html-exchange';
import { renderRequirementTable } from './html-requirements';
import { renderScenario } from './html-scenario';
import { HTML_STYLE } from './html-style';
import { html, trusted, type SafeHtml } from './html-template';
import {
  countVerdicts,
  formatTimestamp,
  RUN_STATUS_LABEL,
  runDurationMs,
  STATUS_LABEL,
  STATUS_ORDER,
  VERDICT_LABEL,
  VERDICT_ORDER,
} from './labels';
import { renderRedacted, type WriterOptions } from './redact';

export interface HtmlWriterOptions extends WriterOptions {
  /** Characters of a body shown before it is cut (default 64 KiB); the full body stays in results.json. */
  readonly maxBodyChars?: number;
}

export const DEFAULT_MAX_BODY_CHARS = 64 * 1024;

function renderBanner(r: RunResult): SafeHtml {
  const { total, failed, errored } = r.summary;
  return html`<header class="${`banner ${r.status}`}">
    <div class="verdict">${RUN_STATUS_LABEL[r.status]}</div>
    <p>
      ${total} scenarios · ${failed} failed · ${errored} errored · ${r.manifest.apiVersion} ·
      ${r.manifest.target}
    </p>
  </header>`;
}

function renderManifest(r: RunResult): SafeHtml {
  const m = r.manifest;
  const meta: [string, string][] = [
    ['Target', `${m.target}${m.embeddedTarget ? ' (embedded Seller emulator)' : ''}`],
    [
      'Under test',
      m.role === 'seller' ? 'Seller (the harness plays the Buyer)' : 'Buyer (the harness plays the Seller)',
    ],
    ['API version', m.apiVersion],
    ['Capabilities', m.capabilities.length > 0 ? m.capabilities.join(', ') : 'none declared'],
    ['Harness version', `lso-harness ${m.harnessVersion} on Node ${m.nodeVersion}`],
    ['Started', formatTimestamp(m.startedAt)],
    ['Ended', formatTimestamp(m.endedAt)],
    ['Duration', formatDuration(runDurationMs(r))],
    ['Spec SHA-256', `management ${m.specSha256.management}\nnotification ${m.specSha256.notification}`],
  ];
  if (m.shard !== undefined) meta.push(['Shard', m.shard]);
  return html`<dl class="meta">
    ${meta.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

/** Zero counts are dimmed so the eye lands on what happened. */
const card = (n: number, label: string, kind: string): SafeHtml =>
  html`<div class="${`count ${kind}${n === 0 ? ' zero' : ''}`}"><b>${n}</b><span>${label}</span></div>`;

function renderCounts(r: RunResult): SafeHtml {
  const verdicts = countVerdicts(r);
  return html`<h2>Summary</h2>
    <div class="counts scenario-counts">
      ${card(r.summary.total, 'scenarios', 'total')}
      ${STATUS_ORDER.map((s) => card(r.summary[s], STATUS_LABEL[s], s))}
    </div>
    <div class="counts requirement-counts">
      ${card(r.requirements.length, 'requirements', 'total')}
      ${VERDICT_ORDER.map((v) => card(verdicts[v], VERDICT_LABEL[v], v))}
    </div>
    ${
      r.errors.length > 0 &&
      html`<h2>Run errors</h2>
        <ul class="run-errors">
          ${r.errors.map((e) => html`<li>${e}</li>`)}
        </ul>`
    }`;
}

function render(r: RunResult, o: HtmlDisplayOptions): string {
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>
          ${RUN_STATUS_LABEL[r.status]} · lso-harness ${r.manifest.apiVersion} · ${r.manifest.target}
        </title>
        <style>
          ${trusted(HTML_STYLE)}
        </style>
      </head>
      <body>
        ${renderBanner(r)}
        <main>
          ${renderManifest(r)} ${renderCounts(r)}
          <h2>Requirements</h2>
          <label class="filter"><input type="checkbox" id="only-problems" /> Show only problems</label>
          ${renderRequirementTable(r.requirements)}
          <h2>Scenarios</h2>
          ${r.scenarios.map((s) => renderScenario(s, o))}
        </main>
      </body>
    </html>`;
  return `${page.value}\n`;
}

/** The RunResult as a self-contained HTML page. */
export function writeHtml(result: RunResult, options: HtmlWriterOptions = {}): string {
  const display: HtmlDisplayOptions = { maxBodyChars: options.maxBodyChars ?? DEFAULT_MAX_BODY_CHARS };
  return renderRedacted(result, options.secrets, (r) => render(r, display));
}
