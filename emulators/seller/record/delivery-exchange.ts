import type { Exchange, TransportErrorCode } from '../../../src/results';
import type { DeliveryAttempt } from '../notify/dispatcher';

/** What postJson's error text says happened, in the result model's terms. */
function errorCode(message: string): TransportErrorCode {
  if (/no answer within|timed? ?out/i.test(message)) return 'timeout';
  if (/ECONNREFUSED/.test(message)) return 'connectionRefused';
  if (/ECONNRESET|socket hang up/i.test(message)) return 'connectionReset';
  return 'network';
}

/**
 * One delivery attempt of the Seller emulator as an Exchange: the event it posted to the Buyer's
 * listener, and the listener's status (the emulator keeps no response body) or why there was none.
 */
export function deliveryExchange(attempt: DeliveryAttempt, id: string): Exchange {
  return {
    id,
    kind: 'notification',
    operationId: attempt.eventType,
    startedAt: attempt.at,
    durationMs: 0,
    request: {
      method: 'POST',
      url: attempt.url,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: JSON.stringify(attempt.body),
    },
    ...(attempt.status !== undefined ? { response: { status: attempt.status, headers: {} } } : {}),
    ...(attempt.status === undefined
      ? { error: { code: errorCode(attempt.error ?? ''), message: attempt.error ?? 'no answer' } }
      : {}),
  };
}
