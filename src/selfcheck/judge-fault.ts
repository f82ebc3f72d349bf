import type { FaultDefinition } from '../../emulators/seller/faults/fault-catalog';
import type { Finding, RunResult, ScenarioResult } from '../results';
import type { CatalogRun, CatchEvidence, FaultOutcome } from './selfcheck-types';

/** A run of the catalog in a few numbers and ids. */
export function summariseRun(result: RunResult, durationMs: number): CatalogRun {
  const ids = (status: ScenarioResult['status']) =>
    result.scenarios.filter((s) => s.status === status).map((s) => s.id);
  return {
    status: result.status,
    summary: result.summary,
    failed: ids('failed'),
    errored: ids('errored'),
    errors: result.errors,
    durationMs,
  };
}

function errorFindings(s: ScenarioResult): Finding[] {
  return [...s.steps.flatMap((st) => st.findings), ...s.findings].filter((f) => f.severity === 'error');
}

function evidenceOf(s: ScenarioResult, fault: FaultDefinition): CatchEvidence {
  const findings = errorFindings(s);
  const requirements = [...new Set(findings.flatMap((f) => f.requirements))].sort();
  return {
    scenario: s.id,
    codes: [...new Set(findings.map((f) => f.code))],
    requirements,
    onPoint: requirements.some((r) => fault.requirements.includes(r)),
  };
}

/**
 * A fault is caught by the scenarios that fail with it and pass without it (the baseline of the same
 * profile); one that fails either way proves nothing about the fault. Catching scenarios whose findings
 * name one of the fault's requirements are listed first.
 */
export function judgeFault(
  fault: FaultDefinition,
  result: RunResult,
  passedWithout: ReadonlySet<string>,
  durationMs: number,
): FaultOutcome {
  const failed = result.scenarios.filter((s) => s.status === 'failed');
  // Scenarios whose findings name a requirement the fault breaks come first (a stable sort).
  const evidence = failed
    .filter((s) => passedWithout.has(s.id))
    .map((s) => evidenceOf(s, fault))
    .sort((a, b) => Number(b.onPoint) - Number(a.onPoint));
  return {
    fault: fault.name,
    requirements: fault.requirements,
    summary: fault.summary,
    kind: fault.kind,
    without: fault.without ?? [],
    verdict: evidence.length > 0 ? 'caught' : 'missed',
    caughtBy: evidence.map((e) => e.scenario),
    evidence,
    notCounted: failed.filter((s) => !passedWithout.has(s.id)).map((s) => s.id),
    unconfirmed: [],
    run: summariseRun(result, durationMs),
  };
}
