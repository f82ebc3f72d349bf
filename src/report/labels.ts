/** The words and symbols every reporter uses for statuses and verdicts, so they never drift apart. */
import type { RunResult, RunStatus, Status, Verdict } from '../results/model';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  conformant: 'conformant',
  nonConformant: 'non-conformant',
  partial: 'partial',
  notTested: 'not tested',
  notApplicable: 'not applicable',
};

export const VERDICT_ORDER: readonly Verdict[] = [
  'conformant',
  'nonConformant',
  'partial',
  'notTested',
  'notApplicable',
];

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  passed: 'passed',
  failed: 'failed',
  errored: 'errored',
  skipped: 'skipped',
  notApplicable: 'not applicable',
};

export const STATUS_ORDER: readonly Status[] = ['passed', 'failed', 'errored', 'skipped', 'notApplicable'];

export const STATUS_SYMBOL: Readonly<Record<Status, string>> = {
  passed: '✓',
  failed: '✗',
  errored: '!',
  skipped: '-',
  notApplicable: '-',
};

export const RUN_STATUS_LABEL: Readonly<Record<RunStatus, string>> = {
  passed: 'PASSED',
  failed: 'FAILED',
  errored: 'ERRORED',
  interrupted: 'INTERRUPTED',
};

/** Wall-clock length of the run; falls back to the sum of scenario durations if the manifest is unusable. */
export function runDurationMs(result: RunResult): number {
  const ms = Date.parse(result.manifest.endedAt) - Date.parse(result.manifest.startedAt);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  return result.scenarios.reduce((sum, s) => sum + s.durationMs, 0);
}

/** `2026-11-23T13:20:08.123Z` → `2026-11-23 13:20:08 UTC`; anything unparsable is shown as given. */
export function formatTimestamp(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** Counts requirement verdicts, in VERDICT_ORDER. */
export function countVerdicts(result: RunResult): Record<Verdict, number> {
  const counts: Record<Verdict, number> = {
    conformant: 0,
    nonConformant: 0,
    partial: 0,
    notTested: 0,
    notApplicable: 0,
  };
  for (const r of result.requirements) counts[r.verdict] += 1;
  return counts;
}
