import type { DeliveryAttempt } from '../../../emulators/seller/notify/dispatcher';
import { deliveryExchange } from '../../../emulators/seller/record';
import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import type { Exchange } from '../../results';
import type { JsonValue } from '../../scenario/types';
import type { BuyerRunEnvironment, BuyerScenarioState } from './buyer-run-types';

export type WaitOutcome<T> =
  | { readonly found: T }
  | { readonly timedOut: true }
  | { readonly aborted: true }
  | { readonly gaveUp: string };

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Why waiting for the Buyer is pointless: it has exited (a command) and so will send nothing more. */
export function buyerGone(state: BuyerScenarioState): string | undefined {
  const exit = state.buyer?.exit();
  if (!exit) return undefined;
  if (exit.spawnError) return `the Buyer command could not start: ${exit.spawnError}`;
  return `the Buyer under test exited (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`})`;
}

/**
 * Looks every `pollRealMs` until `find` returns something, the window (run clock) ends, the run is
 * interrupted or `giveUp` says why going on is pointless. A last look is taken after giving up, so what
 * arrived just before the Buyer exited still counts.
 */
export async function waitUntil<T>(
  env: BuyerRunEnvironment,
  windowMs: number,
  find: () => T | undefined,
  giveUp: () => string | undefined = () => undefined,
): Promise<WaitOutcome<T>> {
  const started = env.clock.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return { found };
    if (env.signal.aborted) return { aborted: true };
    const why = giveUp();
    if (why !== undefined) {
      const last = find();
      return last !== undefined ? { found: last } : { gaveUp: why };
    }
    if (env.clock.now() - started >= windowMs) return { timedOut: true };
    await realSleep(env.pollRealMs);
  }
}

/**
 * Before the first expect-buyer-request window starts: the Buyer's first request, or the end of the
 * startup grace (real time since it was started), or its exit.
 */
export async function awaitBuyerStart(env: BuyerRunEnvironment, state: BuyerScenarioState): Promise<void> {
  while (
    state.slot.recorder.requests().length === 0 &&
    Date.now() - state.startedRealMs < env.startupGraceMs &&
    !env.signal.aborted &&
    buyerGone(state) === undefined
  )
    await realSleep(env.pollRealMs);
}

/** A Buyer request as scenario matchers see it. */
export function requestView(r: RecordedBuyerRequest): JsonValue {
  return {
    op: r.operationId ?? null,
    method: r.method,
    path: r.path,
    params: { ...r.params },
    query: JSON.parse(JSON.stringify(r.query)) as JsonValue,
    body: r.json === undefined ? null : (r.json as JsonValue),
    status: r.status,
    response: r.responseJson === undefined ? null : (r.responseJson as JsonValue),
    at: new Date(r.at).toISOString(),
  };
}

/** The exchange of a delivery attempt, with an id kept for the scenario. */
export function deliveryEvidence(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  a: DeliveryAttempt,
): Exchange {
  let id = state.deliveryIds.get(a);
  if (!id) {
    id = env.ids();
    state.deliveryIds.set(a, id);
  }
  return deliveryExchange(a, id);
}
