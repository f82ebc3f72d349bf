/**
 * The broken-Buyer catalog: the reference Buyer with one deliberate mistake each (`lso-harness buyer
 * --fault <name>`, emulators/buyer/reference/buyer-faults.ts), the Buyer-side scenario that must catch it,
 * and the finding codes that say so (at least one of them, as an error, in that scenario).
 */
import type { BuyerFault } from '../../emulators/buyer/reference';

export interface BrokenBuyer {
  readonly fault: BuyerFault;
  /** The catching scenario's id. */
  readonly scenario: string;
  /** Error findings of which the catching scenario must show at least one. */
  readonly codes: readonly string[];
}

export const BROKEN_BUYERS: readonly BrokenBuyer[] = [
  { fault: 'bad-body', scenario: 'BUY-ORDER-001', codes: ['buyer.schema.enum'] },
  { fault: 'no-order-contact', scenario: 'BUY-ORDER-001', codes: ['buyer.contact.order'] },
  { fault: 'no-item-contact', scenario: 'BUY-ORDER-001', codes: ['buyer.contact.item'] },
  { fault: 'seller-attribute', scenario: 'BUY-ORDER-001', codes: ['buyer.sellerOnlyAttribute'] },
  { fault: 'add-with-product-id', scenario: 'BUY-ORDER-001', codes: ['buyer.add.productId'] },
  { fault: 'delete-with-attributes', scenario: 'BUY-ORDER-001', codes: ['buyer.delete.extraAttribute'] },
  { fault: 'listener-500', scenario: 'BUY-ORDER-001', codes: ['buyer.listener.status'] },
  { fault: 'listener-silent', scenario: 'BUY-ORDER-001', codes: ['buyer.listener.noAnswer'] },
  { fault: 'listener-accepts-anything', scenario: 'BUY-EVENT-MALFORMED', codes: ['buyer.listener.status'] },
  { fault: 'listener-rejects-duplicates', scenario: 'BUY-EVENT-DUPLICATE', codes: ['buyer.listener.status'] },
  {
    fault: 'hub-without-charge-events',
    scenario: 'BUY-CHARGE-001',
    codes: ['buyer.hub.noChargeCreateEvent'],
  },
  { fault: 'no-hub', scenario: 'BUY-CHARGE-001', codes: ['buyer.hub.noChargeCreateEvent'] },
  { fault: 'partial-charge-answer', scenario: 'BUY-CHARGE-001', codes: ['buyer.charge.partial'] },
  {
    fault: 'late-charge-answer',
    scenario: 'BUY-CHARGE-001',
    codes: ['buyer.charge.late', 'buyer.request.missing'],
  },
  { fault: 'no-fetch-after-event', scenario: 'BUY-ORDER-001', codes: ['buyer.request.missing'] },
  { fault: 'cancel-without-contact', scenario: 'BUY-CANCEL', codes: ['buyer.cancel.noContact'] },
  { fault: 'modify-without-date', scenario: 'BUY-MODIFY-DATE', codes: ['buyer.modify.nothingAsked'] },
  { fault: 'note-source-seller', scenario: 'BUY-UPDATE', codes: ['buyer.patch.noteSource'] },
  { fault: 'foreign-hub-id', scenario: 'BUY-ORDER-001', codes: ['buyer.hub.unknownId'] },
];
