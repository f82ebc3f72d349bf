import type { HttpClient } from '../../emulators/buyer';
import { CONTROL_PREFIX } from '../../emulators/seller/control/control-routes';
import type { Exchange } from '../results';

export interface ControlReply {
  readonly ok: boolean;
  readonly body: Record<string, unknown>;
  readonly exchange: Exchange;
}

/** Talks to the Seller emulator's control API (outside the MEF base path) on the same origin. */
export class ControlClient {
  constructor(
    private readonly client: HttpClient,
    private readonly origin: string,
  ) {}

  async orderAction(orderId: string, action: string, args: Record<string, unknown>): Promise<ControlReply> {
    const url = `${this.origin}${CONTROL_PREFIX}/orders/${encodeURIComponent(orderId)}/${encodeURIComponent(action)}`;
    const result = await this.client.send({
      method: 'POST',
      url,
      body: args,
      operationId: `control:${action}`,
      auth: false,
    });
    const body = (result.json && typeof result.json === 'object' ? result.json : {}) as Record<
      string,
      unknown
    >;
    const status = result.exchange.response?.status ?? 0;
    return { ok: status === 200, body, exchange: result.exchange };
  }
}
