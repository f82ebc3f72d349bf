import {
  checkAttributeRules,
  checkCoupling,
  ITEM_MACHINE,
  ORDER_MACHINE,
  type ItemState,
  type OrderState,
  type StateMachine,
} from '../../../../src/lifecycle';
import type { Json } from './bodies';

function historyProblems<S extends string>(machine: StateMachine<S>, what: string, entity: Json): string[] {
  const states = ((entity['stateChange'] as Json[] | undefined) ?? []).map((s) => s['state'] as S);
  const problems: string[] = [];
  if (states[0] !== machine.initial) problems.push(`${what} history starts at ${String(states[0])}`);
  states.slice(1).forEach((to, i) => {
    const from = states[i] as S;
    // Steps must be single legal transitions (the emulator records every state it passes).
    if (!machine.transitions.some((t) => t.from === from && t.to === to))
      problems.push(`${what} history moves ${from} → ${to}`);
  });
  if (states[states.length - 1] !== entity['state'])
    problems.push(`${what} is ${String(entity['state'])} but its history ends at ${String(states.at(-1))}`);
  return problems;
}

/**
 * The oracles the checks apply to a target Seller, applied to the emulator's own order: attributes by
 * state (R23–R51), order/item coupling, and a state history made of legal transitions.
 */
export function orderProblems(order: Json): string[] {
  const items = order['productOrderItem'] as Json[];
  return [
    ...checkAttributeRules('order', order).map((v) => v.message),
    ...items.flatMap((i) =>
      checkAttributeRules('item', i).map((v) => `item ${String(i['id'])}: ${v.message}`),
    ),
    ...checkCoupling(
      order['state'] as OrderState,
      items.map((i) => i['state'] as ItemState),
    ).map((v) => v.message),
    ...historyProblems(ORDER_MACHINE, 'order', order),
    ...items.flatMap((i) => historyProblems(ITEM_MACHINE, `item ${String(i['id'])}`, i)),
  ];
}

export function expectLegalOrder(order: Json): void {
  expect(orderProblems(order)).toEqual([]);
}
