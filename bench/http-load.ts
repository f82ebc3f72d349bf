/** autocannon, as every throughput figure of the bench uses it: same connections, same duration. */
import autocannon from 'autocannon';

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 9);

export interface LoadResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  /** Answers other than 2xx, plus errors and timeouts. */
  readonly failures: number;
}

export async function load(name: string, options: autocannon.Options): Promise<LoadResult> {
  process.stdout.write(
    `    ${name}: ${options.amount ? `${options.amount} requests` : `${options.duration ?? 0} s`}…\n`,
  );
  const r = await autocannon({ connections: CONNECTIONS, timeout: 10, ...options });
  return {
    name,
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
  };
}
