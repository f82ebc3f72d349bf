import type { Step } from '../scenario/types';
import type { StepOutcome } from './run-context';

/** Real milliseconds a clean-up request (removing a leftover hub) may take once the run is interrupted. */
export const CLEANUP_TIMEOUT_AFTER_INTERRUPT_MS = 2000;

/** Steps that wait out a window: cut short, they have shown nothing (an empty window proves no absence). */
const WINDOWED: ReadonlySet<Step['kind']> = new Set(['sleep', 'expect-no-notification']);

/**
 * A step the first Ctrl-C cut short is recorded as skipped ("interrupted"), not as passed or failed: a
 * request aborted by the harness says nothing about the target, nor does half a waiting window. A step
 * that already says why it stopped, or that failed on evidence of its own, keeps its outcome.
 */
export function interruptedOutcome(step: Step, outcome: StepOutcome, signal: AbortSignal): StepOutcome {
  if (!signal.aborted || outcome.status) return outcome;
  const aborted = outcome.findings.some((f) => f.code === 'transport.aborted');
  if (!aborted && !WINDOWED.has(step.kind)) return outcome;
  const own = outcome.findings.filter((f) => f.code !== 'transport.aborted' && f.severity === 'error');
  if (own.length > 0 && !WINDOWED.has(step.kind)) return outcome;
  return {
    findings: [],
    exchanges: outcome.exchanges,
    status: 'skipped',
    message: aborted ? 'interrupted: the request was aborted' : 'interrupted before its window ended',
  };
}
