import { judgeNotifications, type NotificationView } from '../../src/check/notification-rules';

const T0 = Date.parse('2026-01-01T00:00:00.000Z');

function note(sequence: number, eventTime: number): NotificationView {
  return {
    sequence,
    eventType: 'productOrderStateChangeEvent',
    body: {
      eventId: `e${sequence}`,
      eventType: 'productOrderStateChangeEvent',
      eventTime: new Date(eventTime).toISOString(),
      event: { id: 'order-1', state: 'inProgress' },
    },
    valid: true,
    violations: [],
    exchangeId: `x${sequence}`,
  };
}

const hub = {
  id: 'h1',
  eventTypes: ['productOrderStateChangeEvent'],
  registeredAtSeq: 0,
  unregisteredAtSeq: 1,
  unregisteredAt: T0,
};
const ctx = { hubs: [hub], orders: [], v11: true, runOrders: new Set(['order-1']) };
const codes = (list: NotificationView[]) => judgeNotifications(list, ctx).map((f) => f.code);

test('an event from before the DELETE answer that lands after it was in flight, not sent to an unregistered Buyer', () => {
  expect(codes([note(1, T0 - 5_000), note(2, T0 - 1)])).toEqual([]);
});

test('an event that happened after the DELETE answer breaks R108', () => {
  expect(codes([note(1, T0 - 5_000), note(2, T0 + 1)])).toEqual(['notification.afterUnregister']);
});

test('without the time of the DELETE answer, arrival order decides as before', () => {
  const { unregisteredAt: _unused, ...bare } = hub;
  expect(judgeNotifications([note(2, T0 - 1)], { ...ctx, hubs: [bare] }).map((f) => f.code)).toEqual([
    'notification.afterUnregister',
  ]);
});
