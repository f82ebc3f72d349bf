import type { Exchange } from '../../../src/results';
import type { RecordedBuyerRequest } from './buyer-recorder';

/** A recorded Buyer request as the result model's Exchange (request = the Buyer's, response = the emulator's). */
export function buyerRequestExchange(r: RecordedBuyerRequest): Exchange {
  return {
    id: r.id,
    kind: 'request',
    ...(r.operationId ? { operationId: r.operationId } : {}),
    startedAt: new Date(r.at).toISOString(),
    durationMs: r.durationMs,
    request: {
      method: r.method,
      url: r.url,
      headers: r.headers,
      ...(r.bodyText !== undefined ? { body: r.bodyText } : {}),
      ...(r.bodyTruncated ? { bodyTruncated: true } : {}),
    },
    ...(r.status > 0
      ? {
          response: {
            status: r.status,
            headers: r.responseHeaders,
            ...(r.responseText !== undefined ? { body: r.responseText } : {}),
          },
        }
      : {
          error: { code: 'aborted' as const, message: 'the Buyer closed the connection before the answer' },
        }),
  };
}
