/**
 * Plain-text pieces of the console report, pure so they can be tested as exact strings with colour off.
 * Text from the run is passed through makeVisible first: a target must not be able to drive the terminal
 * with escape sequences hidden in a response it echoes into a finding.
 */
import chalk from 'chalk';
import type { RunResult, ScenarioResult, Status } from '../results/model';
import { formatDuration } from '../util/duration';
import { explainScenario } from './collect-findings';
import {
  countVerdicts,
  RUN_STATUS_LABEL,
  runDurationMs,
  STATUS_LABEL,
  STATUS_ORDER,
  STATUS_SYMBOL,
  VERDICT_LABEL,
  VERDICT_ORDER,
} from './labels';
import { makeVisible } from './markup-escape';

export interface FormatOptions {
  readonly color: boolean;
}

/** Findings listed per scenario in the summary; the rest are counted and left to the file reports. */
export const MAX_FINDINGS_PER_SCENARIO = 5;

/** Basic 16 colours are all we use, so level 1 whatever the terminal supports. */
export const painter = (color: boolean): chalk.Chalk => new chalk.Instance({ level: color ? 1 : 0 });

export function paintStatus(c: chalk.Chalk, status: Status, text: string): string {
  if (status === 'passed') return c.green(text);
  if (status === 'failed') return c.red(text);
  if (status === 'errored') return c.yellow(text);
  return c.gray(text);
}

/** Lines of text indented, with embedded newlines indented too. */
const indent = (lines: readonly string[], by: string): string =>
  lines.map((l) => by + makeVisible(l).split('\n').join(`\n${by}`)).join('\n');

/** `✓ [3/12] PO-CREATE-001 Create an install order (1.20s)`; skips say why. */
export function formatScenarioLine(
  s: ScenarioResult,
  options: FormatOptions & { readonly progress?: { done: number; total: number } },
): string {
  const c = painter(options.color);
  const progress = options.progress ? c.gray(`[${options.progress.done}/${options.progress.total}] `) : '';
  const head = `${paintStatus(c, s.status, STATUS_SYMBOL[s.status])} ${progress}${c.bold(makeVisible(s.id))} ${makeVisible(s.title)}`;
  if (s.status === 'skipped' || s.status === 'notApplicable') {
    const why = s.message ? `: ${makeVisible(s.message)}` : '';
    return `${head} ${c.gray(`(${STATUS_LABEL[s.status]}${why})`)}`;
  }
  return `${head} ${c.gray(`(${formatDuration(s.durationMs)})`)}`;
}

const tally = <K extends string>(order: readonly K[], counts: Record<K, number>, label: Record<K, string>) =>
  order
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${label[k]}`)
    .join(', ');

/** The end-of-run summary: failing scenarios with their findings, run errors, counts and the verdict. */
export function formatSummary(result: RunResult, options: FormatOptions): string {
  const c = painter(options.color);
  const out: string[] = [];
  const problems = result.scenarios.filter((s) => s.status === 'failed' || s.status === 'errored');
  if (problems.length > 0) {
    out.push(c.bold('Failures and errors:'), '');
    for (const s of problems) {
      const symbol = paintStatus(c, s.status, STATUS_SYMBOL[s.status]);
      out.push(
        `  ${symbol} ${c.bold(makeVisible(s.id))} ${makeVisible(s.title)} ${c.gray(`(${makeVisible(s.file)})`)}`,
      );
      out.push(indent(explainScenario(s, MAX_FINDINGS_PER_SCENARIO), '      '), '');
    }
  }
  if (result.errors.length > 0) {
    out.push(c.bold('Run errors:'), indent(result.errors, '  '), '');
  }
  const summary = result.summary;
  const verdicts = countVerdicts(result);
  out.push(`Scenarios     ${summary.total}: ${tally(STATUS_ORDER, summary, STATUS_LABEL) || 'none run'}`);
  out.push(
    `Requirements  ${result.requirements.length}: ${tally(VERDICT_ORDER, verdicts, VERDICT_LABEL) || 'none'}`,
  );
  out.push(`Duration      ${formatDuration(runDurationMs(result))}`);
  const verdict = RUN_STATUS_LABEL[result.status];
  const painted =
    result.status === 'passed'
      ? c.bold.green(verdict)
      : result.status === 'failed'
        ? c.bold.red(verdict)
        : c.bold.yellow(verdict);
  out.push(`Result        ${painted}`);
  return `${out.join('\n')}\n`;
}
