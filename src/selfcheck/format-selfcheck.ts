import type { BaselineOutcome, FaultOutcome, SelfcheckResult } from './selfcheck-types';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function baselineLine(b: BaselineOutcome): string {
  const setup = b.without.length ? `default profile without ${b.without.join(', ')}` : 'default profile';
  const s = b.summary;
  const counts = `${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ${s.notApplicable} not applicable, ${s.skipped} skipped`;
  const bad = [...b.failed, ...b.errored];
  const flaky = b.flaky.length ? `; flaky (passed when run again alone): ${b.flaky.join(', ')}` : '';
  return `baseline (${setup}): ${b.passed ? 'passed' : 'FAILED'}: ${counts}${bad.length ? ` [still failing alone: ${bad.join(', ')}]` : ''}${flaky}`;
}

function caughtBy(f: FaultOutcome, max: number): string {
  if (f.caughtBy.length === 0) return '-';
  if (f.verdict === 'missed') return `not reproduced alone: ${f.unconfirmed.join(', ')}`;
  const shown = f.caughtBy.slice(0, max).join(', ');
  return f.caughtBy.length > max ? `${shown} (+${f.caughtBy.length - max})` : shown;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r, j) => {
      const line = r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** The self-check for a terminal: one row per fault, the baselines, the verdict and the wall time. */
export function formatSelfcheckText(result: SelfcheckResult): string {
  const rows = [
    ['fault', 'requirements', 'caught by', 'verdict'],
    ...result.faults.map((f) => [f.fault, f.requirements.join(' '), caughtBy(f, 4), f.verdict]),
  ];
  const lines = [
    table(rows),
    '',
    ...result.baselines.map(baselineLine),
    `${result.caught} of ${result.faults.length} faults caught (${result.caughtOnPoint} by a scenario whose findings name the fault's requirement); ${result.scenarioCount} scenarios, ${result.baselines.length + result.faults.length} catalog runs (${result.jobs} at once, ${result.concurrency} scenarios each), ${result.apiVersion}, wall time ${seconds(result.wallMs)}`,
    `selfcheck: ${result.verdict}`,
  ];
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** `selfcheck.md`: the same as a Markdown table (up to 8 catching scenarios; all are in selfcheck.json). */
export function formatSelfcheckMarkdown(result: SelfcheckResult): string {
  const lines = [
    `# lso-harness selfcheck (${result.apiVersion})`,
    '',
    `${result.caught} of ${result.faults.length} faults caught (${result.caughtOnPoint} by a scenario whose findings name the fault's requirement); verdict **${result.verdict}**; ${result.scenarioCount} scenarios; wall time ${seconds(result.wallMs)} (${result.jobs} catalog runs at once, ${result.concurrency} scenarios each, clock ×${result.timeScale}); ${result.startedAt}.`,
    '',
    ...result.baselines.map((b) => `- ${baselineLine(b)}`),
    '',
    '| fault | requirements | what the Seller does wrong | caught by | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...result.faults.map(
      (f) =>
        `| \`${f.fault}\` | ${cell(f.requirements.join(', '))} | ${cell(f.summary)}${f.without.length ? ` (Seller without ${f.without.join(', ')})` : ''} | ${caughtBy(f, 8)} | ${f.verdict} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
