/**
 * Seller emulator benchmark (`npm run bench`): requests/s and latency percentiles of create and retrieve
 * through HTTP (autocannon), then the resident memory of 100,000 stored orders. The emulator runs
 * in-process on 127.0.0.1:0 with timings of a year (orders never move) and no hubs (no notifications).
 * Bounded: fixed durations and a fixed amount; it stops by itself.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import autocannon from 'autocannon';
import { DEFAULT_PROFILE, startSeller, type SellerProfile, type SellerServer } from '../emulators/seller';
import { ScaledClock } from '../src/clock';
import { loadApiSpec, ProductSchemaRegistry, type ApiSpec } from '../src/spec';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 8);
const CONNECTIONS = 50;
const STORED_ORDERS = 100_000;
const YEAR = 365 * 86_400_000;
const JSON_TYPE = 'application/json;charset=utf-8';

const PROFILE: SellerProfile = {
  ...DEFAULT_PROFILE,
  name: 'bench',
  timings: Object.fromEntries(
    Object.keys(DEFAULT_PROFILE.timings).map((k) => [k, YEAR]),
  ) as unknown as SellerProfile['timings'],
  store: { maxOrders: 1_000_000 },
  controlApi: false,
};

const contact = (role: string) => ({
  name: 'Bench Buyer',
  emailAddress: 'b@buyer.example',
  number: '1',
  role,
});
const ORDER = JSON.stringify({
  externalId: 'BENCH-1',
  relatedContactInformation: [contact('productOrderContact')],
  productOrderItem: [
    {
      id: '1',
      action: 'add',
      requestedCompletionDate: '2027-01-01T00:00:00.000Z',
      product: { productConfiguration: { '@type': 'urn:example:bench-product', bandwidthMbps: 100 } },
      relatedContactInformation: [
        contact('buyerProductOrderItemContact'),
        contact('buyerImplementationContact'),
        contact('buyerTechnicalContact'),
      ],
    },
  ],
});

/** `global.gc` without a command-line flag, so that memory is read after a full collection. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

interface Row {
  readonly name: string;
  readonly result: autocannon.Result;
}

async function load(name: string, options: autocannon.Options): Promise<Row> {
  process.stdout.write(
    `  ${name}: ${options.amount ? `${options.amount} requests` : `${options.duration ?? 0} s`}…\n`,
  );
  const result = await autocannon({ connections: CONNECTIONS, timeout: 10, ...options });
  return { name, result };
}

async function start(
  spec: ApiSpec,
  products: ProductSchemaRegistry,
): Promise<{ server: SellerServer; clock: ScaledClock }> {
  const clock = new ScaledClock(1);
  const server = await startSeller({ spec, clock, profile: PROFILE, products, port: 0, host: '127.0.0.1' });
  return { server, clock };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pad = (text: string, width: number) => text.padStart(width);

async function main(): Promise<void> {
  const gc = collector();
  const spec = await loadApiSpec('sonata-v11');
  const products = new ProductSchemaRegistry();
  console.log(
    `Seller emulator benchmark: ${spec.version.id}, Node ${process.version}, ${CONNECTIONS} connections`,
  );

  // Memory first, while the process is fresh: an emulator filled through its HTTP create path.
  const filled = await start(spec, products);
  gc();
  const before = process.memoryUsage();
  const fill = await load(`store ${STORED_ORDERS.toLocaleString('en')} orders`, {
    url: `${filled.server.url}/productOrder`,
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: ORDER,
    amount: STORED_ORDERS,
  });
  gc();
  const after = process.memoryUsage();
  const stored = filled.server.emulator.context.store.orders.size;
  await filled.server.close();
  filled.clock.dispose();

  // Then throughput and latency, on a new emulator.
  gc();
  const timed = await start(spec, products);
  const url = timed.server.url;
  await load('warm-up', {
    url: `${url}/productOrder`,
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: ORDER,
    duration: 2,
  });
  const create = await load('createProductOrder', {
    url: `${url}/productOrder`,
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: ORDER,
    duration: SECONDS,
  });
  const created = await fetch(`${url}/productOrder`, {
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: ORDER,
  });
  const id = ((await created.json()) as { id: string }).id;
  const retrieve = await load('retrieveProductOrder', {
    url: `${url}/productOrder/${id}`,
    duration: SECONDS,
  });
  await timed.server.close();
  timed.clock.dispose();

  console.log('');
  console.log(
    `${'operation'.padEnd(22)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p90 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('non-2xx', 9)}${pad('errors', 8)}`,
  );
  for (const { name, result: r } of [create, retrieve, fill]) {
    console.log(
      `${name.padEnd(22)}${pad(r.requests.average.toFixed(0), 9)}${pad(String(r.latency.p50), 9)}${pad(String(r.latency.p90), 9)}${pad(String(r.latency.p99), 9)}${pad(String(r.requests.total), 10)}${pad(String(r.non2xx), 9)}${pad(String(r.errors + r.timeouts), 8)}`,
    );
  }
  console.log('');
  console.log(`Memory with ${stored.toLocaleString('en')} orders stored (after a full GC)`);
  console.log(
    `  rss        ${pad(mb(before.rss), 10)} → ${pad(mb(after.rss), 10)}   ${((after.rss - before.rss) / stored / 1024).toFixed(2)} KB per order`,
  );
  console.log(
    `  heap used  ${pad(mb(before.heapUsed), 10)} → ${pad(mb(after.heapUsed), 10)}   ${((after.heapUsed - before.heapUsed) / stored / 1024).toFixed(2)} KB per order`,
  );
  console.log(
    `  (heap total ${mb(after.heapTotal)}, external ${mb(after.external)}: rss also holds the heap's free pages and allocator arenas)`,
  );
  if (
    stored !== STORED_ORDERS ||
    fill.result.non2xx > 0 ||
    create.result.non2xx > 0 ||
    retrieve.result.non2xx > 0
  ) {
    console.error('benchmark: some requests failed (see non-2xx / errors)');
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 3;
});
