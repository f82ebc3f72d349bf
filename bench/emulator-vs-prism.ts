/**
 * Seller emulator against Prism's mock server on the same spec: createProductOrder (a valid UNI install
 * order) and retrieveProductOrder, requests/s and latency, same connections and duration. Each server
 * runs in a child process; autocannon runs here. The machine may be shared, so the two are measured in
 * alternating rounds (whoever went first goes second next time) and each server's own CPU time per
 * request is read from /proc as well: a figure the background load does not move.
 */
import { load, SECONDS, type LoadResult } from './http-load';
import { JSON_TYPE, orderBody } from './order-body';
import { processCpuMs } from './process-cpu';
import { startPrism, startSellerProcess, type BenchServer } from './servers';

export const ROUNDS = 3;

export interface OperationFigures {
  readonly requestsPerSecond: number;
  /** Medians over the rounds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly failures: number;
  /** The server process's CPU time per request (ms), when /proc tells. */
  readonly cpuMsPerRequest?: number;
}

export interface ServerFigures {
  readonly server: string;
  readonly startMs: number;
  readonly create: OperationFigures;
  readonly retrieve: OperationFigures;
}

export interface EmulatorVsPrism {
  readonly rounds: number;
  readonly secondsPerRound: number;
  readonly emulator: ServerFigures;
  readonly prism?: ServerFigures;
  /** Why Prism could not be measured, if it could not. */
  readonly prismError?: string;
}

const BODY = JSON.stringify(orderBody(1));

interface Sample {
  readonly result: LoadResult;
  readonly cpuMs?: number;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function summarise(samples: readonly Sample[], seconds: number): OperationFigures {
  const total = samples.reduce((n, s) => n + s.result.total, 0);
  const cpu = samples.every((s) => s.cpuMs !== undefined)
    ? samples.reduce((n, s) => n + (s.cpuMs ?? 0), 0)
    : undefined;
  return {
    requestsPerSecond: total / (seconds * samples.length),
    p50Ms: median(samples.map((s) => s.result.p50Ms)),
    p99Ms: median(samples.map((s) => s.result.p99Ms)),
    total,
    failures: samples.reduce((n, s) => n + s.result.failures, 0),
    ...(cpu !== undefined && total > 0 ? { cpuMsPerRequest: cpu / total } : {}),
  };
}

class Contestant {
  readonly create: Sample[] = [];
  readonly retrieve: Sample[] = [];
  constructor(
    readonly server: BenchServer,
    readonly retrieveId: string,
  ) {}

  async run(op: 'create' | 'retrieve', seconds: number): Promise<void> {
    const { server } = this;
    const before = processCpuMs(server.pid);
    const result =
      op === 'create'
        ? await load(`${server.name} createProductOrder`, {
            url: `${server.url}/productOrder`,
            method: 'POST',
            headers: { 'content-type': JSON_TYPE },
            body: BODY,
            duration: seconds,
          })
        : await load(`${server.name} retrieveProductOrder`, {
            url: `${server.url}/productOrder/${encodeURIComponent(this.retrieveId)}`,
            duration: seconds,
          });
    const after = processCpuMs(server.pid);
    this[op].push({
      result,
      ...(before !== undefined && after !== undefined ? { cpuMs: after - before } : {}),
    });
  }

  figures(seconds: number): ServerFigures {
    return {
      server: this.server.name,
      startMs: this.server.startMs,
      create: summarise(this.create, seconds),
      retrieve: summarise(this.retrieve, seconds),
    };
  }
}

async function createOne(url: string): Promise<string> {
  const res = await fetch(`${url}/productOrder`, {
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: BODY,
  });
  const doc = (await res.json()) as { id?: unknown };
  if (res.status !== 201 || typeof doc.id !== 'string') throw new Error(`create answered ${res.status}`);
  return doc.id;
}

async function warmUp(server: BenchServer): Promise<void> {
  await load(`${server.name} warm-up`, {
    url: `${server.url}/productOrder`,
    method: 'POST',
    headers: { 'content-type': JSON_TYPE },
    body: BODY,
    duration: 2,
  });
}

export async function emulatorVsPrism(): Promise<EmulatorVsPrism> {
  const seconds = Math.max(1, Math.round(SECONDS / ROUNDS));
  const seller = await startSellerProcess();
  let prism: BenchServer | undefined;
  let prismError: string | undefined;
  try {
    try {
      prism = await startPrism();
    } catch (err) {
      prismError = (err as Error).message;
    }
    const emulator = new Contestant(seller, await createOne(seller.url));
    // Prism is stateless: any id is answered with the documented example.
    const mock = prism ? new Contestant(prism, 'PO-1') : undefined;
    await warmUp(seller);
    if (prism) await warmUp(prism);
    for (let round = 0; round < ROUNDS; round++) {
      const order = mock ? (round % 2 === 0 ? [emulator, mock] : [mock, emulator]) : [emulator];
      for (const op of ['create', 'retrieve'] as const) for (const c of order) await c.run(op, seconds);
    }
    return {
      rounds: ROUNDS,
      secondsPerRound: seconds,
      emulator: emulator.figures(seconds),
      ...(mock ? { prism: mock.figures(seconds) } : {}),
      ...(prismError ? { prismError } : {}),
    };
  } finally {
    await seller.close();
    await prism?.close();
  }
}
