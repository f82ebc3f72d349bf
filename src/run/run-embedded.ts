import { randomUUID } from 'node:crypto';
import { createHttpClient, createIdGenerator } from '../../emulators/buyer';
import type { SellerProfile } from '../../emulators/seller';
import { ScaledClock } from '../clock';
import type { Reporter } from '../report';
import { binds, REQUIREMENT_CATALOGUE } from '../requirements';
import type { RunResult } from '../results';
import type { Scenario } from '../scenario/types';
import type { ApiSpec, ProductSchemaRegistry } from '../spec';
import { startEmbeddedTarget } from './embedded-target';
import { runScenarios } from './run-scenarios';

export interface EmbeddedRunRequest {
  readonly scenarios: readonly Scenario[];
  readonly spec: ApiSpec;
  /** The Seller's behaviour (default: the faithful default profile). */
  readonly profile?: SellerProfile;
  readonly products?: ProductSchemaRegistry;
  /** Clock speed-up shared by the Seller and the runner. */
  readonly timeScale: number;
  readonly concurrency: number;
  /** Per-request timeout in real milliseconds (default 30 s). */
  readonly timeoutMs?: number;
  readonly reporters?: readonly Reporter[];
  readonly signal?: AbortSignal;
  /** Recorded in the run manifest. */
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * Runs scenarios against a fresh embedded Seller emulator, without a terminal (prompt steps are skipped)
 * and without credentials, and closes everything afterwards. Each call has its own Seller, clock, client
 * and listener, so several can run at once in one process.
 */
export async function runAgainstEmbeddedSeller(req: EmbeddedRunRequest): Promise<RunResult> {
  const clock = new ScaledClock(req.timeScale);
  const ids = createIdGenerator('ex');
  const client = createHttpClient({ timeoutMs: req.timeoutMs ?? 30_000, secrets: [], ids, clock });
  const target = await startEmbeddedTarget({
    spec: req.spec,
    clock,
    client,
    ...(req.profile ? { profile: req.profile } : {}),
    ...(req.products ? { products: req.products } : {}),
  });
  try {
    return await runScenarios({
      scenarios: req.scenarios,
      spec: req.spec,
      targetUrl: target.url,
      embedded: true,
      client,
      ids,
      clock,
      capabilities: target.capabilities,
      control: target.control,
      concurrency: req.concurrency,
      reporters: req.reporters ?? [],
      listener: { host: '127.0.0.1', port: 0 },
      ci: true,
      prompt: () => Promise.resolve(false),
      disabledChecks: [],
      secrets: [],
      signal: req.signal ?? new AbortController().signal,
      catalogue: REQUIREMENT_CATALOGUE.filter((r) => binds(r, 'Seller')),
      runId: randomUUID(),
      options: req.options ?? {},
    });
  } finally {
    client.close();
    await target.close();
  }
}
