/**
 * A Seller emulator in a process of its own, so that its throughput and memory are measured apart from
 * the load generator: orders never move (transitions a year away), no control API, room for 1,000,000
 * orders. Prints `{"url": …}` on stdout once it listens; over IPC answers `memory` (after a full GC).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULT_PROFILE, startSeller, type SellerProfile, type SellerServer } from '../emulators/seller';
import { ScaledClock, type Clock } from '../src/clock';
import { loadApiSpec, ProductSchemaRegistry, type ApiSpec } from '../src/spec';

const YEAR = 365 * 86_400_000;

export const BENCH_PROFILE: SellerProfile = {
  ...DEFAULT_PROFILE,
  name: 'bench',
  timings: Object.fromEntries(
    Object.keys(DEFAULT_PROFILE.timings).map((k) => [k, YEAR]),
  ) as unknown as SellerProfile['timings'],
  store: { maxOrders: 1_000_000 },
  controlApi: false,
};

export interface SellerMemory {
  readonly orders: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
}

/** The benchmark Seller (BENCH_PROFILE) on a free loopback port. */
export function startBenchSeller(spec: ApiSpec, clock: Clock): Promise<SellerServer> {
  return startSeller({
    spec,
    clock,
    profile: BENCH_PROFILE,
    products: new ProductSchemaRegistry(),
    port: 0,
    host: '127.0.0.1',
  });
}

/** `global.gc` without a command-line flag, so that memory is read after a full collection. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

async function main(): Promise<void> {
  const gc = collector();
  const spec = await loadApiSpec('sonata-v11');
  const clock = new ScaledClock(1);
  const server = await startBenchSeller(spec, clock);
  process.on('message', (message) => {
    if (message !== 'memory') return;
    gc();
    const m = process.memoryUsage();
    const answer: SellerMemory = {
      orders: server.emulator.context.store.orders.size,
      rssMiB: m.rss / 1024 / 1024,
      heapUsedMiB: m.heapUsed / 1024 / 1024,
    };
    process.send?.(answer);
  });
  // The parent going away (IPC closed) ends the child: nothing outlives the bench.
  process.on('disconnect', () => {
    clock.dispose();
    void server.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(3);
  });
}
