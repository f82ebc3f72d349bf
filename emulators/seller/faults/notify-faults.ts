import type { ServerResponse } from 'node:http';
import type { SellerContext } from '../context';
import { startOrder } from '../engine/order-flow';
import { sendJson } from '../http/respond';
import type { OrderRecord } from '../state/store';

const DAY_MS = 86_400_000;
/** Real time the fault waits for its notifications to land before it answers anyway. */
const MAX_WAIT_MS = 2_000;

/**
 * `notifies-before-create-response`: the Seller validates the order and sends the resulting notifications
 * first, then answers the create (with the order as it was when received, `acknowledged`). The faithful
 * route answers first and starts the lifecycle once the answer is out.
 */
export function notifyBeforeAnswering(ctx: SellerContext, res: ServerResponse, rec: OrderRecord): void {
  const answer = structuredClone(rec.doc);
  startOrder(ctx, rec);
  const pending = rec.next;
  if (pending) {
    pending.timer.cancel();
    pending.run();
  }
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, MAX_WAIT_MS);
    timer.unref();
  });
  void Promise.race([ctx.dispatcher.idle(), waited]).then(() => {
    clearTimeout(timer);
    sendJson(res, 201, answer);
  });
}

/**
 * `hub-delete-deferred`: DELETE /hub/{id} answers 204 but the subscription is only removed by a clean-up
 * a day later; until then the hub is still retrievable and still notified.
 */
export function deferHubDeletion(ctx: SellerContext, hubId: string): void {
  ctx.clock.schedule(DAY_MS, () => {
    ctx.store.hubs.delete(hubId);
    ctx.dispatcher.forget(hubId);
  });
}
