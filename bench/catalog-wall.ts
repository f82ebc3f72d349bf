/**
 * The whole built-in catalog against the embedded Seller, as a user runs it (`lso-harness run`, default
 * reporters console, json, junit, html): wall time of the process, median of a few runs.
 */
import * as path from 'node:path';
import { median } from './child-run';
import { passedAll, runHarness, type HarnessRun } from './harness-run';

export const CATALOG_RUNS = Number(process.env['BENCH_CATALOG_RUNS'] ?? 3);

export interface CatalogWall {
  readonly runs: readonly HarnessRun[];
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly runPhaseMs: number;
  readonly maxRssMiB: number;
  readonly allPassed: boolean;
}

export async function catalogWall(work: string): Promise<CatalogWall> {
  const runs: HarnessRun[] = [];
  for (let i = 0; i < CATALOG_RUNS; i++) {
    process.stdout.write(`    run ${i + 1}/${CATALOG_RUNS}…\n`);
    runs.push(await runHarness([], path.join(work, `catalog-${i}`), 120_000));
  }
  return {
    runs,
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => (r.usage ? r.usage.userMs + r.usage.systemMs : NaN))),
    runPhaseMs: median(runs.map((r) => r.runPhaseMs ?? NaN)),
    maxRssMiB: median(runs.map((r) => r.usage?.maxRssMiB ?? NaN)),
    allPassed: runs.every(passedAll),
  };
}
