/**
 * Response validation throughput on one core: a single-threaded loop validating a stored `ProductOrder`
 * (as retrieveProductOrder returns it) of 1, 10 and 100 items, through the harness's response check path
 * (`spec.management.http.validateResponse`: a valid order is accepted by the build-time acceptor made from
 * prism-http's own ajv, src/spec/prism-fast-accept.ts) and through the ajv `SchemaValidator` alone.
 * Rates are per CPU second of this process (one core, whatever else shares the machine) and per wall second.
 */
import { performance } from 'node:perf_hooks';
import { ScaledClock } from '../src/clock';
import { loadApiSpec, type ApiSpec } from '../src/spec';
import { JSON_TYPE, orderBody } from './order-body';
import { startBenchSeller } from './seller-child';

export const ITEM_COUNTS = [1, 10, 100] as const;
const LOOP_MS = Number(process.env['BENCH_VALIDATION_MS'] ?? 1500);

export interface ValidationRow {
  readonly items: number;
  readonly bodyBytes: number;
  readonly prism: Rate;
  readonly ajv: Rate;
  /** Violations found in the stored body (0: the loop measures the passing path, as a conformant Seller's). */
  readonly violations: number;
}

/** Stored orders as the emulator answers retrieveProductOrder, one per item count. */
async function storedOrders(spec: ApiSpec): Promise<Map<number, unknown>> {
  const clock = new ScaledClock(1);
  const server = await startBenchSeller(spec, clock);
  try {
    const out = new Map<number, unknown>();
    for (const items of ITEM_COUNTS) {
      const created = await fetch(`${server.url}/productOrder`, {
        method: 'POST',
        headers: { 'content-type': JSON_TYPE },
        body: JSON.stringify(orderBody(items)),
      });
      const { id } = (await created.json()) as { id: string };
      if (created.status !== 201) throw new Error(`create of ${items} items answered ${created.status}`);
      const stored = await fetch(`${server.url}/productOrder/${id}`);
      out.set(items, await stored.json());
    }
    return out;
  } finally {
    await server.close();
    clock.dispose();
  }
}

export interface Rate {
  /** Calls per second of the process's CPU time (user + system): one core's worth, whatever else runs. */
  readonly perCpuSecond: number;
  /** Calls per second of wall time (lower when other processes share the core). */
  readonly perWallSecond: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Calls `fn` for about `ms` real milliseconds (after a short warm-up) and counts the calls. */
function rate(fn: () => void, ms = LOOP_MS): Rate {
  const warm = performance.now() + Math.min(300, ms / 5);
  while (performance.now() < warm) fn();
  let calls = 0;
  const start = performance.now();
  const cpuStart = cpuMs();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 10; i++) fn();
    calls += 10;
    now = performance.now();
  }
  return {
    perCpuSecond: (calls * 1000) / (cpuMs() - cpuStart),
    perWallSecond: (calls * 1000) / (now - start),
  };
}

export async function validationThroughput(): Promise<ValidationRow[]> {
  const spec = await loadApiSpec('sonata-v11');
  const orders = await storedOrders(spec);
  const rows: ValidationRow[] = [];
  for (const items of ITEM_COUNTS) {
    const body = orders.get(items);
    const response = { status: 200, headers: { 'content-type': JSON_TYPE }, body };
    const violations = spec.management.http.validateResponse('retrieveProductOrder', response);
    process.stdout.write(`    ${items} item(s)…\n`);
    rows.push({
      items,
      bodyBytes: JSON.stringify(body).length,
      prism: rate(() => spec.management.http.validateResponse('retrieveProductOrder', response)),
      ajv: rate(() => spec.management.schemas.validate('ProductOrder', body)),
      violations: violations.filter((v) => v.severity === 0).length,
    });
  }
  return rows;
}
