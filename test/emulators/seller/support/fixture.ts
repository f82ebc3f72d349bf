import type { ApiVersionId } from '../../../../src/spec';
import type { SellerProfile } from '../../../../emulators/seller';
import { hubBody, type Json } from './bodies';
import { expectValidCaptures, startCaptureListener, type CaptureListener } from './listener';
import { startTestSeller, type SellerUnderTest } from './seller';

/** A Seller with a Buyer listener registered for `query` (every event type by default). */
export interface SellerWithListener {
  readonly s: SellerUnderTest;
  readonly listener: CaptureListener;
  readonly hubId: string;
  /** Every notification so far, each checked against the listener API; the bodies. */
  events(): Record<string, unknown>[];
  /** `eventType` + payload `state` of the notifications about one resource, in order. */
  trail(id: string): string[];
  close(): Promise<void>;
}

export async function startWithListener(
  options: { api?: ApiVersionId; profile?: SellerProfile; query?: string; buyerId?: string } = {},
): Promise<SellerWithListener> {
  const s = await startTestSeller({
    ...(options.api ? { api: options.api } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const listener = await startCaptureListener();
  const close = async (): Promise<void> => {
    await s.close();
    await listener.close();
  };
  let hubId: string;
  try {
    const res = await s.call('registerListener', {
      body: hubBody(listener.url, options.query),
      ...(options.buyerId ? { query: { buyerId: options.buyerId } } : {}),
    });
    expect(res.status).toBe(201);
    hubId = String((res.body as Json)['id']);
  } catch (err) {
    await close(); // a failed setup must not leave servers open (jest would never exit)
    throw err;
  }
  const events = () => expectValidCaptures(s.spec, listener);
  return {
    s,
    listener,
    hubId,
    events,
    trail: (id) =>
      events()
        .filter((e) => (e['event'] as Json)['id'] === id)
        .map((e) => {
          const event = e['event'] as Record<string, string | undefined>;
          const detail = event['state'] ?? event['milestoneName'];
          const item = event['orderItemId'] ? `[${event['orderItemId']}]` : '';
          return `${String(e['eventType'])}${item}${detail !== undefined ? `:${detail}` : ''}`;
        }),
    close,
  };
}
