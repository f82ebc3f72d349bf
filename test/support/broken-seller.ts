import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSellerApp, DEFAULT_PROFILE } from '../../emulators/seller';
import { ScaledClock, type Clock } from '../../src/clock';
import { loadApiSpec, type ApiVersionId } from '../../src/spec';

/** Rewrites a JSON response body on its way out: a deliberate deviation from the standard. */
export type Mutation = (body: unknown, req: Request, res: Response) => unknown;

export interface BrokenSeller {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A real Seller emulator behind a middleware that breaks its answers: the catalog must notice.
 * `mutate` sees every JSON body the emulator writes; `before` can answer instead of the emulator.
 */
export async function startBrokenSeller(options: {
  mutate?: Mutation;
  before?: (req: Request, res: Response, next: NextFunction) => void;
  api?: ApiVersionId;
  /** Share the runner's clock, so that dates the scenario computes (`${now+P1D}`) agree with the Seller's. */
  clock?: Clock;
}): Promise<BrokenSeller> {
  const spec = await loadApiSpec(options.api ?? 'sonata-v11');
  const emulator = createSellerApp({
    spec,
    clock: options.clock ?? new ScaledClock(36_000),
    // Catalog tests drive it like the embedded Seller (control steps).
    profile: { ...DEFAULT_PROFILE, controlApi: true },
  });
  const outer = express();
  if (options.before) outer.use(options.before);
  if (options.mutate) {
    const mutate = options.mutate;
    outer.use((req, res, next) => {
      const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) {
          try {
            const text = mutateText(chunk.toString(), mutate, req, res);
            res.setHeader('content-length', Buffer.byteLength(text));
            return end(text, ...rest);
          } catch {
            return end(chunk, ...rest);
          }
        }
        return end(chunk, ...rest);
      }) as typeof res.end;
      next();
    });
  }
  outer.use(emulator.app);
  const server: Server = await new Promise((resolve) => {
    const s = outer.listen(0, '127.0.0.1', () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.setBaseUrl(origin);
  return {
    url: `${origin}${spec.version.managementBasePath}`,
    close: () =>
      new Promise((resolve) => {
        emulator.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function mutateText(text: string, mutate: Mutation, req: Request, res: Response): string {
  const body: unknown = JSON.parse(text);
  return JSON.stringify(mutate(body, req, res));
}
