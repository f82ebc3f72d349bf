import type { CatalogueSection } from './catalogue-types';

/**
 * §6.11–6.14, use cases 11–14: charges (initiate, respond, list, retrieve).
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const UC11_TO_14_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '6.11',
    useCases: ['11'],
    entries: [
      {
        id: 'R82',
        role: 'Seller',
        traces: [],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge groups only charge items of a single order item (or of a single order)',
      },
      {
        id: 'R83',
        role: 'Seller',
        traces: ['MEF57.2 R88'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'An order never has two charges awaitingResponse at once',
      },
      {
        id: 'R84',
        role: 'Seller',
        traces: ['MEF57.2 R87'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'An order item never has two charges awaitingResponse at once',
      },
      {
        id: 'R85',
        role: 'Seller',
        traces: ['MEF57.2 R89'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'An order and one of its items never both have a charge awaitingResponse at once',
      },
      {
        id: 'R86',
        role: 'Seller',
        traces: [],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'An order-level charge starts only in assessingCancellation or pending.assessingModification',
      },
      {
        id: 'R87',
        role: 'Seller',
        traces: [],
        testability: 'conditional',
        capability: 'charges',
        summary: 'An item-level charge starts only while the item is inProgress or pending',
      },
      {
        id: 'R88',
        role: 'Seller',
        traces: ['MEF57.2 R8'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A Seller offering charges supports chargeCreateEvent notifications',
      },
      {
        id: 'O14',
        role: 'Seller',
        traces: ['MEF57.2 O5'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A Seller offering charges may also send chargeStateChangeEvent and chargeTimeoutEvent',
      },
      {
        id: 'R89',
        role: 'Buyer',
        traces: ['MEF57.2 R7'],
        testability: 'buyer-side',
        summary: 'When the Seller offers charges, the Buyer registers for chargeCreateEvent',
      },
      {
        id: 'O15',
        role: 'Buyer',
        traces: ['MEF57.2 O4'],
        testability: 'untestable',
        why: 'a Buyer permission: sending it or not both conform',
        summary: 'The Buyer may register for the other charge notifications that the Seller supports',
      },
      {
        id: 'R90',
        role: 'Seller',
        traces: ['MEF57.2 R82'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'A new charge sets id, productOrder or productOrderItem, chargeItem, creationDate, responseDueDate, state',
      },
      {
        id: 'R91',
        role: 'Seller',
        traces: ['MEF57.2 R82', 'MEF57.2 R83'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge raised for an order item references that productOrderItem',
      },
      {
        id: 'R92',
        role: 'Seller',
        traces: ['MEF57.2 R83'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge caused by a delivery-date change references the item and the date-change request',
      },
      {
        id: 'R93',
        role: 'Seller',
        traces: ['MEF57.2 R84'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge caused by a cancel request references the order and the cancelProductOrder',
      },
      {
        id: 'R94',
        role: 'Seller',
        traces: ['MEF57.2 R85'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'Every charge item sets id, activityType, priceType, priceCategory, blocking, price and state',
      },
      {
        id: 'R95',
        role: 'Seller',
        traces: ['MEF57.2 R86'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge item carries the price details that its priceType calls for (Table 16)',
      },
    ],
  },
  {
    section: '6.12',
    useCases: ['12'],
    entries: [
      {
        id: 'R96',
        role: 'Buyer',
        traces: ['MEF57.2 R90'],
        testability: 'buyer-side',
        summary: "The Buyer's charge answer sets acceptanceIndicator on every charge item",
      },
      {
        id: 'R97',
        role: 'Buyer',
        traces: ['MEF57.2 R91'],
        testability: 'buyer-side',
        summary: 'The Buyer answers all items of a charge in one update',
      },
      {
        id: 'O16',
        role: 'Buyer',
        traces: ['MEF57.2 O14'],
        testability: 'buyer-side',
        summary: 'Charge-item notes from the Buyer are optional and go at the end of the existing note list',
      },
      {
        id: 'R98',
        role: 'Seller',
        traces: ['MEF57.2 R92'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'A charge unanswered by its responseDueDate goes to timeout, its items counted as declinedByBuyer',
      },
      {
        id: 'R99',
        role: 'Seller',
        traces: ['MEF57.2 R124'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge item the Buyer accepted is never withdrawn or changed by the Seller',
      },
    ],
  },
  {
    section: '6.13',
    useCases: ['13'],
    entries: [
      {
        id: 'O17',
        role: 'Buyer',
        traces: ['MEF57.2 O20'],
        testability: 'buyer-side',
        summary:
          'A charge list query may filter by order, item, state and creationDate or responseDueDate ranges',
      },
      {
        id: 'R100',
        role: 'Seller',
        traces: ['MEF57.2 R116'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'Charge list entries give id, productOrder or productOrderItem, state, creationDate, responseDueDate if set',
      },
      {
        id: 'R101',
        role: 'Seller',
        traces: ['MEF57.2 R115'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'A charge list query with no match returns an empty array',
      },
    ],
  },
  {
    section: '6.14',
    useCases: ['14'],
    entries: [
      {
        id: 'R102',
        role: 'Seller',
        traces: ['MEF57.2 R119'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'Retrieving a charge gives id, items, dates, state, its order or item, and any cancel or date-change link',
      },
    ],
  },
];
