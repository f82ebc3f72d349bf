import { judgeNotifications, judgeObservations, ObservationLog } from '../../src/check';

describe('observed state changes', () => {
  test('a jump the machine allows through missed states passes; leaving a terminal state does not', () => {
    const log = new ObservationLog();
    log.record('order', 'order:1', 'acknowledged', 'create');
    log.record('order', 'order:1', 'completed', 'retrieve');
    expect(judgeObservations(log)).toEqual([]);
    log.record('order', 'order:1', 'inProgress', 'retrieve');
    expect(judgeObservations(log).map((f) => f.code)).toEqual(['state.leftTerminal']);
  });

  test('an impossible path is reported once per resource', () => {
    const log = new ObservationLog();
    log.record('item', 'item:1/1', 'rejected', 'create');
    log.record('item', 'item:1/1', 'inProgress', 'retrieve');
    log.record('item', 'item:1/1', 'completed', 'retrieve');
    expect(judgeObservations(log)).toHaveLength(1);
  });

  test('[R63] a product id, once shown, stays', () => {
    const log = new ObservationLog();
    const body = (productId?: string) => ({
      id: 'o',
      state: 'inProgress',
      productOrderItem: [{ id: '1', state: 'inProgress', product: productId ? { id: productId } : {} }],
    });
    log.recordOrder(body(), 'create');
    log.recordOrder(body('P1'), 'retrieve');
    log.recordOrder(body(), 'retrieve');
    const found = judgeObservations(log);
    expect(found.map((f) => f.code)).toEqual(['productId.dropped']);
    expect(found[0]?.requirements).toContain('R63');
  });
});

describe('notification rules', () => {
  const base = { valid: true, violations: [], exchangeId: 'nt-1' };
  const ctx = {
    hubs: [
      { id: 'h', eventTypes: ['productOrderStateChangeEvent'], registeredAtSeq: 0, unregisteredAtSeq: 10 },
    ],
    orders: [{ id: 'o1', itemIds: ['1'], respondedAtSeq: 2 }],
    v11: true,
  };
  const event = (sequence: number, eventType: string, e: Record<string, unknown>) => ({
    ...base,
    sequence,
    eventType,
    body: { eventId: `e${sequence}`, eventTime: '2026-01-01T00:00:00Z', eventType, event: e },
  });
  const codes = (list: ReturnType<typeof event>[]) => judgeNotifications(list, ctx).map((f) => f.code);

  test('a registered, timely event passes', () => {
    expect(codes([event(3, 'productOrderStateChangeEvent', { id: 'o1', state: 'inProgress' })])).toEqual([]);
  });

  test('unregistered type, after unregistration, for acknowledged, before the create response', () => {
    expect(
      codes([
        event(3, 'productOrderItemStateChangeEvent', { id: 'o1', orderItemId: '1', state: 'inProgress' }),
      ]),
    ).toContain('notification.notRegistered');
    expect(codes([event(11, 'productOrderStateChangeEvent', { id: 'o1', state: 'completed' })])).toContain(
      'notification.afterUnregister',
    );
    expect(codes([event(3, 'productOrderStateChangeEvent', { id: 'o1', state: 'acknowledged' })])).toContain(
      'notification.acknowledged',
    );
    expect(codes([event(2, 'productOrderStateChangeEvent', { id: 'o1', state: 'inProgress' })])).toContain(
      'notification.beforeCreateResponse',
    );
  });

  test('an invalid event body is a finding with the violation', () => {
    const found = judgeNotifications(
      [
        {
          ...event(3, 'productOrderStateChangeEvent', {}),
          valid: false,
          violations: [{ pointer: '/event/id', message: 'required' }],
        },
      ],
      ctx,
    );
    expect(found[0]?.code).toBe('notification.invalid');
    expect(found[0]?.message).toMatch(/event\/id/);
  });
});
