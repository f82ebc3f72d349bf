import { formatDuration } from '../../util/duration';
import type { BuyerTask, Scenario } from '../../scenario/types';
import type { BuyerRunEnvironment } from './buyer-run-types';

/** What the Buyer under test is asked to do, in words (the console) and as LSO_BUYER_TASK (a command). */
export const TASK_TEXT: Readonly<Record<BuyerTask, string>> = {
  order:
    'register a hub, place an order, follow it to a terminal state (answering any charge), then unregister',
  cancel:
    'register a hub, place an order, and once it is inProgress cancel it (POST /cancelProductOrder); follow it to the end',
  update:
    'register a hub, place an order, and once it is inProgress add a note to it (PATCH /productOrder/{id}); follow it to the end',
  'modify-date':
    'register a hub, place an order, and once it is inProgress ask for a later delivery date (POST /modifyProductOrderItemRequestedDeliveryDate); follow it to the end',
};

/** The environment of a `--buyer-command`: where the Seller is and what to do (docs/BUYER-TESTING.md). */
export function buyerEnvironment(
  env: BuyerRunEnvironment,
  scenario: Scenario,
  sellerUrl: string,
  task: BuyerTask,
): Record<string, string> {
  return {
    LSO_SELLER_URL: sellerUrl,
    LSO_API_VERSION: env.spec.version.id,
    LSO_SCENARIO_ID: scenario.id,
    LSO_BUYER_TASK: task,
    LSO_RUN_ID: env.runId,
    LSO_SELLER_TIME_SCALE: String(env.clock.toRealMs(1) > 0 ? Math.round(1 / env.clock.toRealMs(1)) : 1),
  };
}

/** The console text for a person or an outside automation: the URL, the task, the window. */
export function announcement(
  env: BuyerRunEnvironment,
  scenario: Scenario,
  sellerUrl: string,
  task: BuyerTask,
): string {
  const first = scenario.steps.find((s) => s.kind === 'expect-buyer-request');
  const window =
    first && first.kind === 'expect-buyer-request'
      ? `up to ${formatDuration(env.startupGraceMs)} for the Buyer's first request; then ${formatDuration(env.clock.toRealMs(first.withinMs))} (real time) for the first step`
      : `up to ${formatDuration(env.startupGraceMs)} for the Buyer's first request`;
  return [
    '',
    `>>> ${scenario.id}: ${scenario.title}`,
    `    Seller URL: ${sellerUrl}`,
    `    Task:       ${TASK_TEXT[task]}`,
    `    Window:     ${window}`,
    '',
  ].join('\n');
}
