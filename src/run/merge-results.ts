import type { RunResult, ScenarioResult } from '../results';
import { runStatusOf, summarise } from './run-assembly';
import { computeVerdicts, type RequirementInfo } from './verdicts';

/**
 * Merges the results of the shards of one run into one: scenarios in id order, counts and verdicts
 * recomputed, the manifest spanning all shards. Results of different API versions or specs do not mix.
 */
export function mergeResults(
  parts: readonly RunResult[],
  catalogue: readonly RequirementInfo[],
): RunResult | string {
  const first = parts[0];
  if (!first) return 'nothing to merge';
  for (const p of parts) {
    if (p.schemaVersion !== 1) return `unsupported results schemaVersion ${String(p.schemaVersion)}`;
    if (p.manifest.apiVersion !== first.manifest.apiVersion)
      return `cannot merge ${p.manifest.apiVersion} with ${first.manifest.apiVersion}`;
    if (p.manifest.specSha256.management !== first.manifest.specSha256.management)
      return 'the results come from different spec files';
    if (p.manifest.role !== first.manifest.role) return 'cannot merge Seller and Buyer runs';
  }
  const seen = new Set<string>();
  const scenarios: ScenarioResult[] = [];
  for (const s of parts.flatMap((p) => p.scenarios)) {
    if (seen.has(s.id)) return `scenario ${s.id} appears in more than one result`;
    seen.add(s.id);
    scenarios.push(s);
  }
  scenarios.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const errors = parts.flatMap((p) => p.errors);
  const summary = summarise(scenarios);
  const interrupted = parts.some((p) => p.status === 'interrupted');
  const { shard: _shard, ...manifest } = first.manifest;
  return {
    schemaVersion: 1,
    status: runStatusOf(summary, errors, interrupted),
    manifest: {
      ...manifest,
      startedAt: parts.map((p) => p.manifest.startedAt).sort()[0] ?? manifest.startedAt,
      endedAt:
        parts
          .map((p) => p.manifest.endedAt)
          .sort()
          .at(-1) ?? manifest.endedAt,
      options: { ...manifest.options, mergedFrom: parts.map((p) => p.manifest.shard ?? '(unsharded)') },
    },
    summary,
    scenarios,
    requirements: computeVerdicts(scenarios, catalogue),
    errors,
  };
}
