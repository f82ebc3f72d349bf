/**
 * `npm run bench`: every performance figure of the harness and its emulators in one go, written to
 * bench/RESULTS.md (atomically, at the end) with the machine it ran on. Everything runs on 127.0.0.1,
 * in this process or in child processes it starts and stops; every loop is bounded by time or count.
 *
 *   validation throughput · Seller emulator vs Prism · emulator memory (100,000 orders) · whole catalog ·
 *   harness overhead vs a bare replay · scaling (scenarios × concurrency, harness memory)
 *
 * Environment: BENCH_SECONDS (autocannon seconds per server and operation, default 9), BENCH_CATALOG_RUNS (3),
 * BENCH_OVERHEAD_ROUNDS (5: harness/replay pairs per overhead figure, an odd count so the median is one pair's),
 * BENCH_SCALE_COUNTS (100,1000,10000), BENCH_CELL_LIMIT_S (240), BENCH_OUT (bench/RESULTS.md).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../src/report/write-atomic';
import { packageRoot } from '../src/util/package-root';
import type { BenchResults } from './bench-results';
import { catalogWall, type CatalogWall } from './catalog-wall';
import { emulatorMemory, type EmulatorMemory } from './emulator-memory';
import { emulatorVsPrism, type EmulatorVsPrism } from './emulator-vs-prism';
import { currentLoad, describeMachine } from './machine';
import { catalogOverhead, generatedOverhead, type OverheadFigure } from './overhead';
import { generateScenarios } from './generate-scenarios';
import { renderResults } from './results-md';
import { CELL_LIMIT_SECONDS, scaling, type ScaleCell } from './scaling';
import { validationThroughput, type ValidationRow } from './validation-throughput';

// Two runs of the same work on this machine differ by up to ~15% in wall time: one or two pairs decide
// a ratio near its target by chance, five give a median that holds from one bench to the next.
const OVERHEAD_ROUNDS = Number(process.env['BENCH_OVERHEAD_ROUNDS'] ?? 5);

async function step<T>(title: string, errors: string[], fn: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  console.log(`${title}…`);
  try {
    const value = await fn();
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    const message = `${title}: ${(err as Error).message}`;
    console.error(`  failed: ${message}`);
    errors.push(message);
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  const errors: string[] = [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lso-bench-'));
  const out = process.env['BENCH_OUT'] ?? path.join(packageRoot(), 'bench', 'RESULTS.md');
  console.log(
    `lso-harness bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAtStart.toFixed(2)}`,
  );
  try {
    const validation: ValidationRow[] | undefined = await step(
      'Response validation throughput',
      errors,
      validationThroughput,
    );
    const throughput: EmulatorVsPrism | undefined = await step(
      'Seller emulator vs Prism mock',
      errors,
      emulatorVsPrism,
    );
    const memory: EmulatorMemory | undefined = await step('Seller emulator memory', errors, emulatorMemory);
    const catalog: CatalogWall | undefined = await step('Whole catalog, embedded Seller', errors, () =>
      catalogWall(work),
    );
    const overhead: OverheadFigure[] = [];
    await step('Harness overhead on the catalog', errors, async () => {
      const o = await catalogOverhead(work, OVERHEAD_ROUNDS);
      if (!o.passed) errors.push('the catalog run for the overhead figure did not pass entirely');
      overhead.push(...o.figures);
    });
    await step('Harness overhead on 1,000 generated scenarios', errors, async () => {
      const dir = generateScenarios(work, 1000);
      for (const concurrency of [1, 4])
        overhead.push(...(await generatedOverhead(dir, 1000, concurrency, OVERHEAD_ROUNDS, work)));
    });
    const cells: ScaleCell[] | undefined = await step('Scaling', errors, () => scaling(work));
    const results: BenchResults = {
      machine,
      loadAtEnd: currentLoad(),
      durationS: (Date.now() - started) / 1000,
      ...(validation ? { validation } : {}),
      ...(throughput ? { throughput } : {}),
      ...(memory ? { emulatorMemory: memory } : {}),
      ...(catalog ? { catalog } : {}),
      overhead,
      ...(cells ? { scaling: cells } : {}),
      errors,
    };
    const text = renderResults(results, CELL_LIMIT_SECONDS);
    await writeFileAtomic(out, text);
    console.log(`\n${text}`);
    console.log(`written to ${out}`);
    if (errors.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 3;
});
