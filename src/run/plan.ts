import type { Scenario } from '../scenario/types';

export interface PlanFilters {
  readonly tags: readonly string[];
  readonly grep?: RegExp;
  readonly requirements: readonly string[];
}

/**
 * The scenarios a run executes: filtered by tag, id/title pattern and requirement; API-variant and
 * capability applicability is judged per scenario at run time (so it shows up as not applicable).
 */
export function planScenarios(scenarios: readonly Scenario[], filters: PlanFilters): Scenario[] {
  return scenarios.filter((s) => {
    if (filters.tags.length > 0 && !filters.tags.some((t) => s.tags.includes(t))) return false;
    if (filters.grep && !filters.grep.test(s.id) && !filters.grep.test(s.title)) return false;
    if (filters.requirements.length > 0) {
      const covered = new Set([...s.requirements, ...s.steps.flatMap((st) => st.requirements)]);
      if (!filters.requirements.some((r) => covered.has(r))) return false;
    }
    return true;
  });
}
