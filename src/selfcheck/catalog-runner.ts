import type { SellerProfile } from '../../emulators/seller';
import type { RunResult } from '../results';
import { runAgainstEmbeddedSeller } from '../run/run-embedded';
import type { Scenario } from '../scenario/types';
import { ProductSchemaRegistry, type ApiSpec } from '../spec';

export interface CatalogRunnerOptions {
  readonly scenarios: readonly Scenario[];
  readonly spec: ApiSpec;
  readonly concurrency: number;
  readonly timeScale: number;
  readonly signal?: AbortSignal;
}

/** Runs the catalog (or some of its scenarios) against a fresh embedded Seller with this profile. */
export type CatalogRunner = (
  profile: SellerProfile,
  only?: readonly string[],
) => Promise<{ result: RunResult; ms: number }>;

/** One product-schema registry for every run (compiling it takes a while); one abort signal per run. */
export function catalogRunner(options: CatalogRunnerOptions): CatalogRunner {
  const products = new ProductSchemaRegistry();
  return async (profile, only) => {
    const t0 = Date.now();
    // The runner listens on a run's signal per step; the caller's signal aborts every run.
    const own = new AbortController();
    const abort = () => own.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted) own.abort();
    try {
      const result = await runAgainstEmbeddedSeller({
        scenarios: only ? options.scenarios.filter((s) => only.includes(s.id)) : options.scenarios,
        spec: options.spec,
        profile,
        products,
        timeScale: options.timeScale,
        concurrency: options.concurrency,
        signal: own.signal,
        options: { selfcheck: profile.name },
      });
      return { result, ms: Date.now() - t0 };
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  };
}

/** Runs `tasks` with at most `limit` in flight; results in task order. */
export async function pool<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return out;
}
