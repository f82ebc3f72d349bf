import type { Finding, RequirementResult, ScenarioResult, Verdict } from '../results';

export interface RequirementInfo {
  readonly id: string;
  readonly summary?: string;
  readonly role?: string;
}

type Evidence = 'pass' | 'fail' | 'none' | 'na';

function errorFindings(s: ScenarioResult): Finding[] {
  return [...s.steps.flatMap((st) => st.findings), ...s.findings].filter((f) => f.severity === 'error');
}

/**
 * What one scenario says about one requirement. A failure counts against a requirement when a finding
 * names it, or when no finding names any requirement the scenario lists (nothing more precise is known).
 * A failure that names only other requirements leaves this one untested by that scenario.
 */
function evidence(s: ScenarioResult, errors: readonly Finding[], id: string): Evidence {
  if (s.status === 'notApplicable') return 'na';
  if (s.status === 'passed') return 'pass';
  if (s.status !== 'failed') return 'none';
  if (errors.some((f) => f.requirements.includes(id))) return 'fail';
  const attributed = errors.some((f) => f.requirements.some((r) => s.requirements.includes(r)));
  return attributed ? 'none' : 'fail';
}

function verdictOf(list: readonly Evidence[]): Verdict {
  const pass = list.includes('pass');
  const fail = list.includes('fail');
  if (pass && fail) return 'partial';
  if (fail) return 'nonConformant';
  if (pass) return 'conformant';
  if (list.length > 0 && list.every((e) => e === 'na')) return 'notApplicable';
  return 'notTested';
}

/**
 * The per-requirement table: every requirement of the catalogue (so uncovered ones show as not tested),
 * plus any requirement a scenario or a finding named.
 */
export function computeVerdicts(
  scenarios: readonly ScenarioResult[],
  catalogue: readonly RequirementInfo[] = [],
): RequirementResult[] {
  // One pass over the scenarios (their error findings gathered once), then one lookup per requirement:
  // asking every scenario about every requirement grew as requirements × scenarios × findings.
  const ids = new Set<string>(catalogue.map((r) => r.id));
  const errors = new Map<ScenarioResult, Finding[]>();
  const relevantTo = new Map<string, ScenarioResult[]>();
  for (const s of scenarios) {
    const own = errorFindings(s);
    errors.set(s, own);
    const named = new Set<string>(s.requirements);
    for (const f of own) for (const r of f.requirements) named.add(r);
    for (const r of named) {
      ids.add(r);
      const list = relevantTo.get(r);
      if (list) list.push(s);
      else relevantTo.set(r, [s]);
    }
  }
  const info = new Map(catalogue.map((r) => [r.id, r]));
  const out: RequirementResult[] = [];
  for (const id of ids) {
    const relevant = relevantTo.get(id) ?? [];
    const list = relevant.map((s) => evidence(s, errors.get(s) ?? [], id));
    const meta = info.get(id);
    out.push({
      id,
      verdict: verdictOf(list),
      ...(meta?.summary ? { summary: meta.summary } : {}),
      ...(meta?.role ? { role: meta.role } : {}),
      scenarios: relevant.map((s) => s.id),
      failedScenarios: relevant.filter((s, i) => list[i] === 'fail').map((s) => s.id),
    });
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}

/** R2 before R10; kinds in the guide's order (R, D, O, CR). */
function compareIds(a: string, b: string): number {
  const order = ['R', 'D', 'O', 'CR'];
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return a.localeCompare(b);
  const ka = order.indexOf(pa[1]!);
  const kb = order.indexOf(pb[1]!);
  return ka !== kb ? ka - kb : Number(pa[2]) - Number(pb[2]);
}
