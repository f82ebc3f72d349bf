/**
 * How time grows with the number of scenarios (100, 1,000, 10,000 generated: create, retrieve, list) and
 * the concurrency (1, 4, 16): `lso-harness run <folder> --reporter json --concurrency c` against the
 * embedded Seller, one child process per cell. Each cell is bounded in time; a cell that hits the bound
 * is reported as such, not guessed.
 */
import * as path from 'node:path';
import { generateScenarios } from './generate-scenarios';
import { passedAll, runHarness, type HarnessRun } from './harness-run';

export const SCENARIO_COUNTS = (process.env['BENCH_SCALE_COUNTS'] ?? '100,1000,10000').split(',').map(Number);
export const CONCURRENCIES = [1, 4, 16] as const;
const CELL_LIMIT_MS = Number(process.env['BENCH_CELL_LIMIT_S'] ?? 240) * 1000;

export interface ScaleCell {
  readonly scenarios: number;
  readonly concurrency: number;
  readonly run: HarnessRun;
  readonly passed: boolean;
}

export async function scaling(work: string): Promise<ScaleCell[]> {
  const cells: ScaleCell[] = [];
  for (const count of SCENARIO_COUNTS) {
    const dir = generateScenarios(work, count);
    for (const concurrency of CONCURRENCIES) {
      process.stdout.write(`    ${count.toLocaleString('en')} scenarios, concurrency ${concurrency}…\n`);
      const run = await runHarness(
        [dir, '--reporter', 'json', '--concurrency', String(concurrency)],
        path.join(work, `scale-${count}-${concurrency}`),
        CELL_LIMIT_MS,
      );
      cells.push({
        scenarios: count,
        concurrency,
        run,
        passed: passedAll(run) && run.summary?.passed === count,
      });
    }
  }
  return cells;
}

export const CELL_LIMIT_SECONDS = CELL_LIMIT_MS / 1000;
