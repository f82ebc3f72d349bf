/**
 * Seller emulator against Prism's mock server on the same spec: createProductOrder (a valid UNI install
 * order) and retrieveProductOrder, requests/s and p99 latency, same connections and duration. Each
 * server runs in a child process; autocannon runs here.
 */
import { load, SECONDS, type LoadResult } from './http-load';
import { JSON_TYPE, orderBody } from './order-body';
import { startPrism, startSellerProcess, type BenchServer } from './servers';

export interface ServerFigures {
  readonly server: string;
  readonly startMs: number;
  readonly create: LoadResult;
  readonly retrieve: LoadResult;
}

export interface EmulatorVsPrism {
  readonly emulator: ServerFigures;
  readonly prism?: ServerFigures;
  /** Why Prism could not be measured, if it could not. */
  readonly prismError?: string;
}

const BODY = JSON.stringify(orderBody(1));

async function measure(server: BenchServer, retrieveId: () => Promise<string>): Promise<ServerFigures> {
  const create = {
    url: `${server.url}/productOrder`,
    method: 'POST' as const,
    headers: { 'content-type': JSON_TYPE },
    body: BODY,
  };
  await load(`${server.name} warm-up`, { ...create, duration: 2 });
  const created = await load(`${server.name} createProductOrder`, { ...create, duration: SECONDS });
  const id = await retrieveId();
  const retrieved = await load(`${server.name} retrieveProductOrder`, {
    url: `${server.url}/productOrder/${encodeURIComponent(id)}`,
    duration: SECONDS,
  });
  return { server: server.name, startMs: server.startMs, create: created, retrieve: retrieved };
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

export async function emulatorVsPrism(): Promise<EmulatorVsPrism> {
  const seller = await startSellerProcess();
  let emulator: ServerFigures;
  try {
    emulator = await measure(seller, () => createOne(seller.url));
  } finally {
    await seller.close();
  }
  try {
    const prism = await startPrism();
    try {
      // Prism is stateless: any id is answered with the documented example.
      return { emulator, prism: await measure(prism, () => Promise.resolve('PO-1')) };
    } finally {
      await prism.close();
    }
  } catch (err) {
    return { emulator, prismError: (err as Error).message };
  }
}
