import type { SellerContext } from '../context';
import { nowIso } from '../context';
import { toWireEvent, type DomainEvent } from '../notify/events';
import type { Owned } from '../state/store';

/**
 * Sends a domain event to every hub registered for its type by the same Buyer ([R108]/[R109]).
 * v11 listener URLs carry buyerId/sellerId as query parameters; v10 payloads carry them.
 */
export function publish(ctx: SellerContext, owner: Owned, event: DomainEvent): void {
  if (!ctx.profile.capabilities.notifications || ctx.store.hubs.size === 0) return;
  if (ctx.fault('no-notifications')) return;
  const wire = toWireEvent(event, {
    generation: ctx.spec.version.generation,
    managementBaseUrl: ctx.managementBaseUrl(),
    now: nowIso(ctx),
    ...(owner.buyerId ? { buyerId: owner.buyerId } : {}),
    ...(owner.sellerId ? { sellerId: owner.sellerId } : {}),
  });
  if (ctx.fault('item-event-without-item-id')) delete wire.body.event['orderItemId'];
  const params = new URLSearchParams();
  if (ctx.spec.version.generation === 'mplify-123.1') {
    if (owner.buyerId) params.set('buyerId', owner.buyerId);
    if (owner.sellerId) params.set('sellerId', owner.sellerId);
  }
  const query = params.size > 0 ? `?${params.toString()}` : '';
  for (const hub of ctx.store.hubs.values()) {
    if (hub.buyerId !== owner.buyerId) continue;
    if (!hub.eventTypes.has(wire.eventType) && !ctx.fault('notifies-unregistered-types')) continue;
    ctx.dispatcher.enqueue(hub, wire, query);
  }
}
