import {
  aggregateOrderState,
  checkAttributeRules,
  checkCoupling,
  isLegalTransition,
  isReachable,
  ITEM_MACHINE,
  MACHINES,
  ORDER_MACHINE,
  TASK_MACHINE,
} from '../../src/lifecycle';
import { loadApiSpec } from '../../src/spec';

describe('lifecycle tables', () => {
  test('every machine state is an enum value of the spec', async () => {
    const spec = await loadApiSpec('sonata-v11');
    const enumOf = (name: string) =>
      (spec.management.source.doc.components.schemas[name]?.['enum'] as string[]).sort();
    expect([...MACHINES.order.states].sort()).toEqual(enumOf('MEFProductOrderStateType'));
    expect([...MACHINES.item.states].sort()).toEqual(enumOf('MEFProductOrderItemStateType'));
    expect([...MACHINES.task.states].sort()).toEqual(enumOf('MEFChargeableTaskStateType'));
    expect([...MACHINES.charge.states].sort()).toEqual(enumOf('MEFProductOrderChargeStateType'));
    expect([...MACHINES.chargeItem.states].sort()).toEqual(enumOf('MEFProductOrderChargeItemStateType'));
  });

  test('terminal states have no way out, and every state is reachable from the initial one', () => {
    for (const m of Object.values(MACHINES)) {
      for (const t of m.transitions) expect(m.terminal).not.toContain(t.from);
      for (const s of m.states) expect(isReachable(m as never, m.initial as never, s as never)).toBe(true);
    }
  });

  test('legal and illegal order moves', () => {
    expect(isLegalTransition(ORDER_MACHINE, 'acknowledged', 'inProgress')).toBe(true);
    expect(isLegalTransition(ORDER_MACHINE, 'completed', 'inProgress')).toBe(false);
    expect(isLegalTransition(ORDER_MACHINE, 'acknowledged', 'completed')).toBe(false);
    expect(isReachable(ORDER_MACHINE, 'acknowledged', 'completed')).toBe(true);
    expect(isReachable(ORDER_MACHINE, 'rejected', 'inProgress')).toBe(false);
    expect(isLegalTransition(ITEM_MACHINE, 'held', 'failed')).toBe(true);
    expect(isLegalTransition(TASK_MACHINE, 'acknowledged', 'done.declined')).toBe(false);
  });

  test('order state aggregates from items', () => {
    expect(aggregateOrderState(['completed', 'completed'])).toBe('completed');
    expect(aggregateOrderState(['completed', 'failed'])).toBe('partial');
    expect(aggregateOrderState(['failed', 'failed'])).toBe('failed');
    expect(aggregateOrderState(['inProgress', 'completed'])).toBe('inProgress');
    expect(aggregateOrderState(['held', 'inProgress'])).toBe('held.assessingCharge');
    expect(aggregateOrderState(['rejected', 'rejected.validated'])).toBe('rejected');
  });

  test('coupling flags items that cannot coexist with the order state', () => {
    expect(checkCoupling('completed', ['completed', 'inProgress'])).toHaveLength(1);
    expect(checkCoupling('held.assessingCharge', ['inProgress'])).toHaveLength(1);
    expect(checkCoupling('inProgress', ['inProgress', 'completed'])).toEqual([]);
  });

  test('attributes by state', () => {
    const ids = (s: Record<string, unknown>) => checkAttributeRules('item', s).map((v) => v.rule.id);
    expect(ids({ state: 'inProgress', stateChange: [{}] })).toEqual(['item-ecd-inProgress']);
    expect(ids({ state: 'failed', stateChange: [{}], expectedCompletionDate: 'x' })).toEqual([
      'item-ecd-ended',
    ]);
    expect(ids({ state: 'completed', stateChange: [{}] })).toEqual(['item-completionDate']);
    expect(ids({ state: 'pending', stateChange: [{}], completionDate: 'x' })).toEqual([
      'item-no-completionDate',
    ]);
    expect(
      checkAttributeRules('order', { id: 'a', orderDate: 'x', state: 'completed', stateChange: [{}] }),
    ).toHaveLength(1);
  });
});
