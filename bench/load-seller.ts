/**
 * Seller emulator under load (`npm run load`): 10,000 orders over HTTP with bounded concurrency while
 * 100 hubs of 25 Buyers (different event-type queries) are registered, on a fast clock so every order
 * completes; then every notification the emulator's delivery record says it delivered must have reached
 * its hub's capture listener exactly once, with the recorded body, and nothing else may have arrived.
 * Counts 5xx answers, samples the resident memory, prints a table, exits 1 when a check fails and 3
 * when the run could not finish. Bounded: every phase has a deadline, the whole run a watchdog.
 *
 * Environment: LOAD_ORDERS (10000), LOAD_HUBS (100), LOAD_BUYERS (25), LOAD_LISTENERS (4),
 * LOAD_CONCURRENCY (32), LOAD_TIME_SCALE (36000), LOAD_MAX_RSS_MB (1024), LOAD_DEADLINE_S (600).
 */
import * as os from 'node:os';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { DEFAULT_PROFILE, startSeller, type SellerProfile } from '../emulators/seller';
import { closeAgents } from '../emulators/seller/notify/post-json';
import { ScaledClock } from '../src/clock';
import { isTerminal, ORDER_MACHINE } from '../src/lifecycle';
import { loadApiSpec, ProductSchemaRegistry } from '../src/spec';
import { arrivalKey, digestOf, startCaptureListeners } from './load-capture';

const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const ORDERS = num('LOAD_ORDERS', 10_000);
const HUBS = num('LOAD_HUBS', 100);
const BUYERS = num('LOAD_BUYERS', 25);
const LISTENERS = num('LOAD_LISTENERS', 4);
const CONCURRENCY = num('LOAD_CONCURRENCY', 32);
const TIME_SCALE = num('LOAD_TIME_SCALE', 36_000);
const MAX_RSS_MB = num('LOAD_MAX_RSS_MB', 1024);
const DEADLINE_MS = num('LOAD_DEADLINE_S', 600) * 1000;
const JSON_TYPE = 'application/json;charset=utf-8';

/** Hub `n` asks for one of these (absent: every event type). */
const QUERIES: readonly (string | undefined)[] = [
  undefined,
  'eventType=productOrderStateChangeEvent',
  'eventType=productOrderItemStateChangeEvent',
  'eventType=productOrderStateChangeEvent,productOrderItemExpectedCompletionDateSetEvent',
];

const PROFILE: SellerProfile = {
  ...DEFAULT_PROFILE,
  name: 'load',
  // Every attempt stays in the record (the comparison needs all of them); the store keeps every order.
  notifications: { ...DEFAULT_PROFILE.notifications, keepDeliveries: 50_000_000 },
  store: { maxOrders: 1_000_000 },
  controlApi: false,
};

const contact = (role: string) => ({
  name: 'Load Buyer',
  emailAddress: 'load@buyer.example',
  number: '1',
  role,
});
const orderBody = (n: number): string =>
  JSON.stringify({
    externalId: `LOAD-${n}`,
    relatedContactInformation: [contact('productOrderContact')],
    productOrderItem: [
      {
        id: '1',
        action: 'add',
        requestedCompletionDate: '2030-01-01T00:00:00.000Z',
        product: { productConfiguration: { '@type': 'urn:example:load-product', bandwidthMbps: 100 } },
        relatedContactInformation: [
          contact('buyerProductOrderItemContact'),
          contact('buyerImplementationContact'),
          contact('buyerTechnicalContact'),
        ],
      },
    ],
  });

const buyerOf = (n: number) => `load-buyer-${n % BUYERS}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class DeadlineError extends Error {}

async function until(what: string, deadline: number, done: () => boolean): Promise<void> {
  while (!done()) {
    if (Date.now() > deadline) throw new DeadlineError(`${what} did not happen in time`);
    await sleep(50);
  }
}

/** Status counts of the HTTP answers, by phase. */
class Statuses {
  readonly byPhase = new Map<string, Map<string, number>>();
  add(phase: string, status: number | string): void {
    const counts = this.byPhase.get(phase) ?? new Map<string, number>();
    counts.set(String(status), (counts.get(String(status)) ?? 0) + 1);
    this.byPhase.set(phase, counts);
  }
  count(phase: string, status: string): number {
    return this.byPhase.get(phase)?.get(status) ?? 0;
  }
  serverErrors(): number {
    let n = 0;
    for (const counts of this.byPhase.values())
      for (const [status, c] of counts) if (/^5\d\d$/.test(status)) n += c;
    return n;
  }
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + DEADLINE_MS;
  let peakRss = process.memoryUsage.rss();
  const startRss = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const statuses = new Statuses();
  const spec = await loadApiSpec('sonata-v11');
  const clock = new ScaledClock(TIME_SCALE);
  const seller = await startSeller({ spec, clock, profile: PROFILE, products: new ProductSchemaRegistry() });
  const listeners = await startCaptureListeners(LISTENERS);
  const { dispatcher, store } = seller.emulator.context;
  console.log(
    `Seller emulator under load: ${ORDERS.toLocaleString('en')} orders, ${HUBS} hubs of ${BUYERS} Buyers, ${LISTENERS} capture listeners, ${CONCURRENCY} concurrent creates, clock ${TIME_SCALE}x, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  const timings: [string, number][] = [];
  const phase = async (name: string, fn: () => Promise<void>) => {
    const t0 = Date.now();
    await fn();
    timings.push([name, Date.now() - t0]);
  };
  try {
    const hubIndex = new Map<string, number>();
    const hubTypes: ReadonlySet<string>[] = [];
    await phase('register hubs', async () => {
      for (let h = 0; h < HUBS; h++) {
        const query = QUERIES[h % QUERIES.length];
        const res = await fetch(`${seller.url}/hub?buyerId=${buyerOf(h)}`, {
          method: 'POST',
          headers: { 'content-type': JSON_TYPE },
          body: JSON.stringify({ callback: listeners.callbackFor(h), ...(query ? { query } : {}) }),
        });
        statuses.add('hub', res.status);
        const hub = (await res.json()) as { id?: string };
        if (res.status === 201 && hub.id) hubIndex.set(hub.id, h);
        hubTypes.push(new Set(query ? query.replace('eventType=', '').split(',') : spec.eventTypes));
      }
    });

    const created: { id: string; n: number }[] = [];
    await phase('create orders', () =>
      pool(
        Array.from({ length: ORDERS }, (_, n) => n),
        CONCURRENCY,
        async (n) => {
          try {
            const res = await fetch(`${seller.url}/productOrder?buyerId=${buyerOf(n)}`, {
              method: 'POST',
              headers: { 'content-type': JSON_TYPE },
              body: orderBody(n),
            });
            statuses.add('create', res.status);
            const order = (await res.json()) as { id?: string };
            if (order.id) created.push({ id: order.id, n });
          } catch (err) {
            statuses.add('create', `error ${(err as Error).message}`);
          }
        },
      ),
    );
    await phase('orders complete', () =>
      until('every order reaching a terminal state', deadline, () =>
        [...store.orders.values()].every((o) => isTerminal(ORDER_MACHINE, o.doc.state)),
      ),
    );
    await phase('deliveries idle', async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new DeadlineError('notification delivery did not go idle in time')),
          Math.max(0, deadline - Date.now()),
        );
      });
      try {
        await Promise.race([dispatcher.idle(), late]);
      } finally {
        clearTimeout(timer);
      }
    });
    await phase('retrieve orders', () =>
      pool(created, CONCURRENCY, async ({ id, n }) => {
        const res = await fetch(`${seller.url}/productOrder/${id}?buyerId=${buyerOf(n)}`);
        statuses.add('retrieve', res.status);
        const order = (await res.json()) as { state?: string };
        statuses.add('retrieved state', order.state ?? 'none');
      }),
    );

    // What the emulator says it did, per hub, event type and eventId.
    const record = dispatcher.deliveries();
    const recorded = new Map<string, { count: number; digest: string; hub: number; type: string }>();
    let failedAttempts = 0;
    for (const d of record) {
      if (!d.delivered) {
        failedAttempts++;
        continue;
      }
      const hub = hubIndex.get(d.hubId) ?? -1;
      const key = arrivalKey(hub, d.eventType, d.eventId);
      const seen = recorded.get(key);
      if (seen) seen.count++;
      else recorded.set(key, { count: 1, digest: digestOf(JSON.stringify(d.body)), hub, type: d.eventType });
    }

    interface Row {
      hubs: Set<number>;
      recorded: number;
      received: number;
      missing: number;
      duplicate: number;
      extra: number;
      body: number;
    }
    const rows = new Map<string, Row>();
    const row = (type: string): Row => {
      let r = rows.get(type);
      if (!r)
        rows.set(
          type,
          (r = { hubs: new Set(), recorded: 0, received: 0, missing: 0, duplicate: 0, extra: 0, body: 0 }),
        );
      return r;
    };
    const pairs = new Map<string, { recorded: number; received: number }>();
    const pair = (hub: number, type: string) => {
      const key = `${hub}|${type}`;
      let p = pairs.get(key);
      if (!p) pairs.set(key, (p = { recorded: 0, received: 0 }));
      return p;
    };
    let recordedTwice = 0;
    for (const [key, rec] of recorded) {
      const r = row(rec.type);
      r.hubs.add(rec.hub);
      r.recorded++;
      pair(rec.hub, rec.type).recorded++;
      if (rec.count > 1) recordedTwice++;
      const got = listeners.arrivals.get(key);
      if (!got) r.missing++;
      else {
        if (got.count > 1) r.duplicate++;
        if (got.digests.size !== 1 || !got.digests.has(rec.digest)) r.body++;
      }
    }
    for (const [key, got] of listeners.arrivals) {
      const [hub, type] = key.split('|') as [string, string];
      const r = row(type);
      r.received += got.count;
      pair(Number(hub), type).received += got.count;
      if (!recorded.has(key)) r.extra += got.count;
    }
    // Fan-out: every hub saw every event of its Buyer whose type it asked for.
    const eventsOf = new Map<string, Set<string>>();
    for (const rec of recorded.keys()) {
      const [hub, type, eventId] = rec.split('|') as [string, string, string];
      const k = `${buyerOf(Number(hub))}|${type}`;
      const set = eventsOf.get(k) ?? new Set<string>();
      set.add(eventId);
      eventsOf.set(k, set);
    }
    let fanOutGaps = 0;
    for (let h = 0; h < HUBS; h++)
      for (const type of hubTypes[h] ?? [])
        for (const eventId of eventsOf.get(`${buyerOf(h)}|${type}`) ?? [])
          if (!recorded.has(arrivalKey(h, type, eventId))) fanOutGaps++;

    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    const stats = dispatcher.stats;
    const total = [...rows.values()].reduce(
      (a, r) => ({
        recorded: a.recorded + r.recorded,
        received: a.received + r.received,
        missing: a.missing + r.missing,
        duplicate: a.duplicate + r.duplicate,
        extra: a.extra + r.extra,
        body: a.body + r.body,
      }),
      { recorded: 0, received: 0, missing: 0, duplicate: 0, extra: 0, body: 0 },
    );

    console.log('');
    for (const [name, ms] of timings)
      console.log(`  ${name.padEnd(18)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
    const createMs = timings.find(([n]) => n === 'create orders')?.[1] ?? 1;
    console.log(
      `  creates/s ${(ORDERS / (createMs / 1000)).toFixed(0)}, deliveries ${stats.delivered.toLocaleString('en')}`,
    );
    console.log('');
    const head = ['event type', 'hubs', 'recorded', 'received', 'missing', 'duplicate', 'extra', 'body≠'];
    const widths = [48, 6, 10, 10, 9, 10, 7, 7];
    const line = (cells: (string | number)[]) =>
      console.log(
        cells
          .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!)))
          .join(''),
      );
    line(head);
    for (const [type, r] of [...rows].sort())
      line([type, r.hubs.size, r.recorded, r.received, r.missing, r.duplicate, r.extra, r.body]);
    line([
      'total',
      hubIndex.size,
      total.recorded,
      total.received,
      total.missing,
      total.duplicate,
      total.extra,
      total.body,
    ]);
    const matching = [...pairs.values()].filter((p) => p.recorded === p.received).length;
    console.log(`  (hub, event type) pairs whose counts match: ${matching}/${pairs.size}`);
    console.log('');
    console.log(
      `dispatcher: published ${stats.published}, delivered ${stats.delivered}, abandoned ${stats.abandoned}, attempts ${stats.attempts}, record ${record.length} (failed attempts ${failedAttempts})`,
    );
    for (const [name, counts] of statuses.byPhase)
      console.log(`HTTP ${name}: ${[...counts].map(([s, c]) => `${s} × ${c}`).join(', ')}`);
    const retained = afterFullGc();
    console.log(
      `memory: rss at start ${mb(startRss)}, peak ${mb(peakRss)} (limit ${MAX_RSS_MB} MB); after a full GC with everything still held (${store.orders.size} orders, ${record.length} delivery records, ${listeners.arrivals.size} arrival keys): rss ${mb(retained.rss)}, heap used ${mb(retained.heapUsed)} of ${mb(retained.heapTotal)}, external ${mb(retained.external)} (rss also holds freed heap pages and allocator arenas)`,
    );

    const checks: [string, boolean][] = [
      [`${ORDERS} orders created (201)`, statuses.count('create', '201') === ORDERS],
      [`${HUBS} hubs registered (201)`, hubIndex.size === HUBS],
      ['no 5xx answer', statuses.serverErrors() === 0],
      [
        'every order completed (retrieved over HTTP)',
        statuses.count('retrieved state', 'completed') === ORDERS,
      ],
      ['delivery went idle with nothing abandoned or failed', stats.abandoned === 0 && failedAttempts === 0],
      ['the record holds every attempt', record.length === stats.attempts],
      ['published = delivered', stats.published === stats.delivered],
      [
        'every recorded delivery arrived exactly once',
        total.missing === 0 && total.duplicate === 0 && recordedTwice === 0,
      ],
      ['nothing arrived that the record lacks', total.extra === 0 && listeners.unparsable === 0],
      ['every body arrived as recorded', total.body === 0],
      ['every hub got every event of its Buyer and types', fanOutGaps === 0 && total.recorded > 0],
      [`peak rss within ${MAX_RSS_MB} MB`, peakRss <= MAX_RSS_MB * 1024 * 1024],
    ];
    console.log('');
    for (const [name, ok] of checks) console.log(`  ${ok ? '✓' : '✗'} ${name}`);
    console.log(`\nwall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    clearInterval(sampler);
    await seller.close();
    await listeners.close();
    clock.dispose();
    closeAgents();
  }
}

/** Memory after two full collections (`gc` without a command-line flag, as bench/run-bench.ts does). */
function afterFullGc(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage();
}

// Bounded: whatever happens, the process ends.
const watchdog = setTimeout(() => {
  console.error(`load-seller: still running after the ${DEADLINE_MS / 1000} s deadline; giving up`);
  process.exit(3);
}, DEADLINE_MS + 30_000);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof DeadlineError ? `load-seller: ${err.message}` : err);
    process.exitCode = 3;
  },
);
