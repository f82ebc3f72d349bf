import { buyerRequestExchange, type RecordedBuyerRequest } from '../../../emulators/seller/record';
import { judgeBuyerRequest } from '../../check/buyer';
import type { Finding } from '../../results';
import { evaluateMatchers } from '../../scenario/matchers';
import type { ExpectBuyerRequestStep, Variables } from '../../scenario/types';
import { saveValues } from '../judge-expectation';
import type { StepOutcome } from '../run-context';
import type { BuyerRunEnvironment, BuyerScenarioState } from './buyer-run-types';
import { awaitBuyerStart, buyerGone, requestView, waitUntil } from './buyer-wait';
import { sellerFacts } from './seller-facts';

function summary(r: RecordedBuyerRequest): string {
  return `${r.operationId ?? `${r.method} ${r.path}`} → ${r.status || 'no answer'}`;
}

/**
 * Waits for the Buyer under test to send `count` requests for `op` that the matchers accept (oldest
 * unclaimed first), then judges each with the Buyer-side checks: a request that arrives but breaks a
 * rule fails the step with the rule's finding.
 */
export async function runExpectBuyerRequestStep(
  env: BuyerRunEnvironment,
  state: BuyerScenarioState,
  step: ExpectBuyerRequestStep,
): Promise<StepOutcome> {
  const { recorder } = state.slot;
  await awaitBuyerStart(env, state);
  const matches = (r: RecordedBuyerRequest): boolean =>
    r.operationId === step.op &&
    !state.claimedRequests.has(r.seq) &&
    evaluateMatchers(requestView(r), step.where, state.vars as Variables, { env: state.env }).every(
      (m) => m.ok,
    );
  const outcome = await waitUntil(
    env,
    step.withinMs,
    () => {
      const found = recorder.requests().filter(matches);
      return found.length >= step.count ? found.slice(0, step.count) : undefined;
    },
    () => buyerGone(state),
  );
  const requirements = step.requirements.length ? step.requirements : state.requirements;
  if ('aborted' in outcome) return { findings: [], exchanges: [], status: 'skipped', message: 'interrupted' };
  if (!('found' in outcome)) {
    const all = recorder.requests();
    const sameOp = all.filter((r) => r.operationId === step.op).length;
    const seen = all.slice(-5).map(summary);
    const why = 'gaveUp' in outcome ? `; ${outcome.gaveUp}` : '';
    const finding: Finding = {
      check: 'expect-buyer-request',
      code: 'buyer.request.missing',
      severity: 'error',
      message: `expected the Buyer to send ${step.count} ${step.op} request(s) matching the filter within the window, got ${recorder.requests().filter(matches).length}${sameOp ? ` (${sameOp} ${step.op} in all, not matching)` : ''}${why}; ${seen.length ? `last requests: ${seen.join(' | ')}` : 'it sent nothing'}`,
      requirements: [...requirements],
    };
    return { findings: [finding], exchanges: all.slice(-3).map(buyerRequestExchange) };
  }
  const findings: Finding[] = [];
  const all = recorder.requests();
  for (const record of outcome.found) {
    state.claimedRequests.add(record.seq);
    findings.push(
      ...judgeBuyerRequest(
        {
          spec: env.spec,
          products: env.products,
          record,
          all,
          seller: sellerFacts(state.slot, state.madeUpIds),
        },
        env.disabledChecks,
      ),
    );
  }
  const first = outcome.found[0];
  // A request that broke a rule has failed the step: what it would have saved (an id the Seller never gave) would only add noise.
  if (first && !findings.some((f) => f.severity === 'error'))
    findings.push(...saveValues(step.save, requestView(first), undefined, state, first.id));
  return {
    findings,
    exchanges: outcome.found.map(buyerRequestExchange),
    message: `received ${outcome.found.map(summary).join(', ')}`,
  };
}
