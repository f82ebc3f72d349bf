import { randomUUID } from 'node:crypto';
import { judgeBuyerConversation } from '../../check/buyer';
import { ObservationLog } from '../../check/observations';
import type { Exchange, Finding, ScenarioResult, StepResult } from '../../results';
import { describeStep } from '../../scenario/describe-step';
import type { Scenario, Step } from '../../scenario/types';
import { ControlClient } from '../control-client';
import type { RunEnvironment, StepOutcome } from '../run-context';
import { scenarioStatus } from '../scenario-runner';
import {
  runGuarded,
  scenarioSkeleton,
  statusOfFindings,
  runSteps,
  type ScenarioHooks,
} from '../step-results';
import { assignScenarioVars, runControlStep, runSetStep, runSleepStep } from '../step-misc';
import { announcement, buyerEnvironment } from './buyer-announce';
import { buyerScenarioProfile } from './buyer-profile';
import { startBuyerProcess, type BuyerExit } from './buyer-process';
import type { BuyerRunEnvironment, BuyerScenarioState } from './buyer-run-types';
import { deliveryEvidence } from './buyer-wait';
import { processFindings } from './process-findings';
import { sellerFacts } from './seller-facts';
import { runExpectDeliveryStep } from './step-expect-delivery';
import { runExpectBuyerRequestStep } from './step-expect-request';
import { runSendEventStep } from './step-send-event';
import { buyerRequestExchange } from '../../../emulators/seller/record';

/** Real time a Buyer process gets to exit by itself once the steps are over, before it is stopped. */
const EXIT_GRACE_MS = 500;

function runStep(env: BuyerRunEnvironment, state: BuyerScenarioState, step: Step): Promise<StepOutcome> {
  switch (step.kind) {
    case 'expect-buyer-request':
      return runExpectBuyerRequestStep(env, state, step);
    case 'expect-delivery':
      return runExpectDeliveryStep(env, state, step);
    case 'send-event':
      return runSendEventStep(env, state, step);
    case 'control':
      return runControlStep(state.base, state, step);
    case 'set':
      return runSetStep(state.base, state, step);
    case 'sleep':
      return runSleepStep(state.base, state, step);
    default:
      // The loader keeps Seller-side steps out of Buyer scenarios; reaching here is a harness bug.
      return Promise.resolve({
        findings: [],
        exchanges: [],
        status: 'errored',
        message: `${step.kind} is a Seller-side step: it does not run in buyer-testing mode`,
      });
  }
}

const nowIso = (env: BuyerRunEnvironment): string => new Date(env.clock.now()).toISOString();

/**
 * Runs one Buyer scenario: a fresh Seller emulator with the scenario's profile, the Buyer under test
 * started against it (or announced to whoever drives it), the steps in order, then the Buyer stopped and
 * its whole conversation judged. Never throws: harness trouble becomes `errored`.
 */
export async function runBuyerScenario(
  env: BuyerRunEnvironment,
  scenario: Scenario,
  hooks: ScenarioHooks = {},
): Promise<ScenarioResult> {
  if (scenario.api && !scenario.api.includes(env.spec.version.id))
    return scenarioSkeleton(
      scenario,
      'notApplicable',
      `not for ${env.spec.version.id}`,
      nowIso(env),
      env.spec.version.id,
    );
  if (env.signal.aborted)
    return scenarioSkeleton(
      scenario,
      'skipped',
      'interrupted before it started',
      nowIso(env),
      env.spec.version.id,
    );
  const { profile, problems } = buyerScenarioProfile(scenario.seller, scenario.file);
  if (!profile)
    return scenarioSkeleton(
      scenario,
      'errored',
      `invalid seller profile: ${problems.join('; ')}`,
      nowIso(env),
      env.spec.version.id,
    );
  const startedAt = new Date(env.clock.now()).toISOString();
  const realStart = Date.now();
  const slot = env.hub.open({
    profile,
    clock: env.clock,
    products: env.products,
    ids: env.ids,
    atRoot: env.driver.kind === 'announced',
  });
  const task = scenario.buyerTask ?? 'order';
  const buyerEnv = buyerEnvironment(env, scenario, slot.url, task);
  const buyer = env.driver.kind === 'command' ? startBuyerProcess(env.driver.command, buyerEnv) : undefined;
  if (buyer) env.live.add(buyer);
  if (env.driver.kind === 'announced') env.driver.announce(announcement(env, scenario, slot.url, task));
  let exitedAt: number | undefined;
  void buyer?.exited.then(() => (exitedAt ??= env.clock.now()));
  const base: RunEnvironment = {
    spec: env.spec,
    client: env.client,
    targetUrl: slot.url,
    clock: env.clock,
    capabilities: new Set(),
    control: new ControlClient(env.client, slot.controlOrigin),
    openListener: () => Promise.reject(new Error('no Buyer listener in buyer-testing mode')),
    ci: false,
    prompt: () => Promise.resolve(false),
    disabledChecks: env.disabledChecks,
    runId: env.runId,
    signal: env.signal,
    minPollRealMs: env.pollRealMs,
    createdOrders: new Set(),
  };
  const state: BuyerScenarioState = {
    vars: {},
    env: { now: () => env.clock.now(), uuid: () => randomUUID(), runId: env.runId, scenarioId: scenario.id },
    observations: new ObservationLog(),
    hubs: [],
    orders: [],
    requirements: scenario.requirements,
    slot,
    ...(buyer ? { buyer } : {}),
    task,
    base,
    claimedRequests: new Set(),
    claimedEvents: new Set(),
    deliveryIds: new Map(),
    evidence: new Map(),
    madeUpIds: new Set(),
    startedRealMs: Date.now(),
  };
  const steps: StepResult[] = [];
  let stopped: string | undefined;
  let exit: BuyerExit | undefined;
  try {
    await assignScenarioVars(base, state, scenario);
    ({ stopped } = await runSteps(
      scenario.steps,
      {
        version: env.spec.version.id,
        now: () => env.clock.now(),
        signal: env.signal,
        name: describeStep,
        run: (step) => runGuarded(() => runStep(env, state, step)),
        onStepEnd: (result) => hooks.onStepEnd?.(scenario.id, result),
      },
      steps,
    ));
  } finally {
    const stepsEnded = env.clock.now();
    // A moment to end on its own (its clean-up, its exit code), then it is stopped.
    if (buyer)
      await Promise.race([buyer.exited, new Promise((resolve) => setTimeout(resolve, EXIT_GRACE_MS))]);
    exit = await buyer?.stop();
    if (buyer) env.live.delete(buyer);
    const listenerUntil = Math.min(stepsEnded, exitedAt ?? Number.POSITIVE_INFINITY);
    const judged = judgeAfterSteps(env, state, listenerUntil);
    const after = [...judged.findings, ...processFindings(buyer, exit)];
    if (after.length > 0 || judged.exchanges.length > 0) {
      steps.push(afterStep(env, steps.length, after, judged.exchanges));
      await hooks.onStepEnd?.(scenario.id, steps[steps.length - 1]!);
    }
    slot.close();
  }
  return {
    ...scenarioSkeleton(scenario, scenarioStatus(steps, []), stopped, startedAt, env.spec.version.id),
    durationMs: Date.now() - realStart,
    steps,
  };
}

/** Requests and events no step judged, and the whole-conversation rules; with the exchanges they cite. */
function judgeAfterSteps(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  listenerUntil: number,
): { findings: Finding[]; exchanges: Exchange[] } {
  const requests = state.slot.recorder.requests();
  const deliveries = state.slot.emulator.context.dispatcher.deliveries();
  const findings = judgeBuyerConversation({
    spec: env.spec,
    products: env.products,
    seller: sellerFacts(state.slot, state.madeUpIds),
    requests,
    claimedRequests: state.claimedRequests,
    deliveries,
    claimedEvents: state.claimedEvents,
    listenerUntil,
    exchangeIdOf: (a) => {
      const exchange = deliveryEvidence(env, state, a);
      state.evidence.set(exchange.id, exchange);
      return exchange.id;
    },
    disabled: env.disabledChecks,
  });
  const cited = new Set(findings.map((f) => f.exchangeId).filter((id): id is string => id !== undefined));
  for (const r of requests) if (cited.has(r.id)) state.evidence.set(r.id, buyerRequestExchange(r));
  return { findings, exchanges: [...state.evidence.values()].filter((e) => cited.has(e.id)) };
}

function afterStep(
  env: BuyerRunEnvironment,
  index: number,
  findings: Finding[],
  exchanges: Exchange[],
): StepResult {
  const status = statusOfFindings(findings);
  return {
    index,
    name: "the Buyer's whole conversation (requests and events no step judged, hub registration, process)",
    kind: 'buyer-conversation',
    status,
    startedAt: new Date(env.clock.now()).toISOString(),
    durationMs: 0,
    findings,
    exchanges,
  };
}
