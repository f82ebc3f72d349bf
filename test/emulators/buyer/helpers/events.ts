import type { ApiVersionId } from '../../../../src/spec';

/** Minimal valid events per API version: v10 and v11 differ in payloads and one path. */
export interface VersionEvents {
  readonly stateChange: Record<string, unknown>;
  /** The expected-completion-date event: its path (= operationId) differs between v10 and v11. */
  readonly ecdType: string;
  readonly ecd: Record<string, unknown>;
  /** The same event's path in the other version, which this version must not serve. */
  readonly otherEcdType: string;
}

const envelope = (eventType: string, event: Record<string, unknown>) => ({
  eventId: `evt-${eventType}`,
  eventTime: '2026-01-05T09:00:00.000Z',
  eventType,
  event,
});

export const EVENTS: Readonly<Partial<Record<ApiVersionId, VersionEvents>>> = {
  'sonata-v11': {
    stateChange: envelope('productOrderStateChangeEvent', { id: 'PO-1', state: 'inProgress' }),
    ecdType: 'productOrderItemExpectedCompletionDateSetEvent',
    ecd: envelope('productOrderItemExpectedCompletionDateSetEvent', { id: 'PO-1', orderItemId: '1' }),
    otherEcdType: 'productOrderItemExpectedCompletionDateSet',
  },
  'sonata-v10': {
    stateChange: envelope('productOrderStateChangeEvent', { id: 'PO-1', buyerId: 'B' }),
    ecdType: 'productOrderItemExpectedCompletionDateSet',
    ecd: envelope('productOrderItemExpectedCompletionDateSet', { id: 'PO-1', orderItemId: '1' }),
    otherEcdType: 'productOrderItemExpectedCompletionDateSetEvent',
  },
};
