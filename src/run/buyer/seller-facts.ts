import type { SellerFacts } from '../../check/buyer';
import type { SellerSlot } from './seller-hub';

/** What the Buyer checks need from the scenario's Seller emulator, read from its state. */
export function sellerFacts(slot: SellerSlot, madeUpIds: ReadonlySet<string> = new Set()): SellerFacts {
  const ctx = slot.emulator.context;
  return {
    charge: (id) => {
      const charge = ctx.store.charges.get(id);
      return charge
        ? { responseDueDate: charge.doc.responseDueDate, itemIds: charge.doc.chargeItem.map((i) => i.id) }
        : undefined;
    },
    chargesOffered: ctx.profile.capabilities.charges,
    madeUpIds,
  };
}
