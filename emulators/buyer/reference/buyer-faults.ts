/**
 * Deliberate mistakes the reference Buyer can be told to make (`lso-harness buyer --fault <name>`): each a
 * realistic departure from a named requirement. The broken-Buyer tests run the Buyer-side scenarios
 * against each and expect at least one to catch it; against a real Seller they probe its validation and
 * its notification retries. Without faults the reference Buyer follows the standard.
 */
export interface BuyerFaultDefinition {
  readonly name: string;
  readonly requirements: readonly string[];
  readonly summary: string;
}

export const BUYER_FAULTS = [
  {
    name: 'bad-body',
    requirements: ['R7'],
    summary: 'the create request gives an item action the schema does not allow',
  },
  {
    name: 'no-order-contact',
    requirements: ['R11'],
    summary: 'the create request has no productOrderContact',
  },
  { name: 'no-item-contact', requirements: ['R12'], summary: 'the order item has no buyerTechnicalContact' },
  {
    name: 'seller-attribute',
    requirements: ['R8'],
    summary: 'the create request sets state, an attribute only the Seller sets',
  },
  { name: 'add-with-product-id', requirements: ['R37'], summary: 'an add item names a product.id' },
  {
    name: 'delete-with-attributes',
    requirements: ['R46'],
    summary: 'the item is a disconnect (delete) that still carries productOffering and productConfiguration',
  },
  { name: 'listener-500', requirements: ['R7'], summary: 'the listener answers every event with 500' },
  { name: 'listener-silent', requirements: ['R7'], summary: 'the listener never answers' },
  {
    name: 'listener-accepts-anything',
    requirements: ['R7'],
    summary: 'the listener answers 204 even to malformed events',
  },
  {
    name: 'listener-rejects-duplicates',
    requirements: ['R7'],
    summary: 'the listener answers 400 to an eventId it has seen',
  },
  {
    name: 'hub-without-charge-events',
    requirements: ['R89', 'R105'],
    summary: 'the hub is registered for order and item state events only, not chargeCreateEvent',
  },
  { name: 'no-hub', requirements: ['R89', 'R105'], summary: 'no hub is registered: the Buyer only polls' },
  {
    name: 'partial-charge-answer',
    requirements: ['R96', 'R97'],
    summary: 'a charge is answered for its first item only',
  },
  {
    name: 'late-charge-answer',
    requirements: ['R96', 'R97'],
    summary: 'a charge is answered only after it timed out',
  },
  {
    name: 'no-fetch-after-event',
    requirements: [],
    summary: 'the order is never retrieved: the Buyer trusts the state in the event payloads',
  },
  {
    name: 'cancel-without-contact',
    requirements: ['R76'],
    summary: 'the cancel request has no cancelProductOrderContact',
  },
  {
    name: 'modify-without-date',
    requirements: ['R68'],
    summary: 'the delivery-date change request gives no date',
  },
  {
    name: 'note-source-seller',
    requirements: ['R58'],
    summary: 'a note the Buyer adds by PATCH says source seller',
  },
  {
    name: 'foreign-hub-id',
    requirements: ['R106'],
    summary: 'the hub is unregistered with an id the Seller never returned',
  },
] as const satisfies readonly BuyerFaultDefinition[];

export type BuyerFault = (typeof BUYER_FAULTS)[number]['name'];
export const BUYER_FAULT_NAMES: readonly BuyerFault[] = BUYER_FAULTS.map((f) => f.name);

export function isBuyerFault(name: string): name is BuyerFault {
  return (BUYER_FAULT_NAMES as readonly string[]).includes(name);
}
