import type { CatalogueSection } from './catalogue-types';

/**
 * §6.1.3–6.1.5, use case 1 (create product order): the request and the response.
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const UC1_ORDER_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '6.1.3',
    useCases: ['1'],
    entries: [
      {
        id: 'R10',
        role: 'Buyer',
        traces: ['MEF57.2 R14'],
        testability: 'buyer-side',
        summary: 'A create request has at least one productOrderItem',
      },
      {
        id: 'R11',
        role: 'Buyer',
        traces: ['MEF57.2 R61'],
        testability: 'buyer-side',
        summary: 'A create request includes a contact whose role is productOrderContact',
      },
      {
        id: 'O2',
        role: 'Both',
        traces: ['MEF57.2 O3'],
        testability: 'untestable',
        why: 'a bilateral agreement made outside the API',
        summary: 'The parties may settle on contact roles beyond the standard ones',
      },
      {
        id: 'R12',
        role: 'Buyer',
        traces: ['MEF57.2 R22', 'MEF57.2 R23'],
        testability: 'buyer-side',
        summary:
          'Each create item gives id, action, requestedCompletionDate, product and item, implementation and technical contacts',
      },
      {
        id: 'R13',
        role: 'Buyer',
        traces: ['MEF57.2.1 A1-R2'],
        testability: 'buyer-side',
        summary:
          "Item contacts, item relationships, places and product relationships follow the product specification's rules",
      },
      {
        id: 'R14',
        role: 'Buyer',
        traces: ['MEF57.2.1 A1-R2'],
        testability: 'buyer-side',
        summary: 'Every product.place entry gives both place and role',
      },
      {
        id: 'R15',
        role: 'Buyer',
        traces: ['MEF57.2.1 A1-R3'],
        testability: 'buyer-side',
        summary: 'A place given as a geographic site reference carries no subUnit',
      },
      {
        id: 'O3',
        role: 'Seller',
        traces: ['MEF57.2 O8'],
        testability: 'untestable',
        why: 'a Seller policy choice: either choice conforms and nothing follows for the Seller',
        summary: 'The Seller may insist on one billingAccount shared by all items of an order',
      },
      {
        id: 'O4',
        role: 'Seller',
        traces: ['MEF57.2 O7'],
        testability: 'untestable',
        why: 'a Seller policy; the qualification itself belongs to the POQ API',
        summary: 'The Seller may demand a product offering qualification (POQ) before it accepts an order',
      },
      {
        id: 'CR5',
        role: 'Buyer',
        traces: ['MEF57.2 CR5<O7'],
        testability: 'buyer-side',
        summary:
          'When the Seller demands a prior POQ, each item references its productOfferingQualificationItem',
      },
      {
        id: 'O5',
        role: 'Seller',
        traces: ['MEF57.2 O8'],
        testability: 'untestable',
        why: 'a Seller policy; the quote itself belongs to the Quote API',
        summary: 'The Seller may demand a quote before it accepts an order',
      },
      {
        id: 'CR6',
        role: 'Buyer',
        traces: ['MEF57.2 CR6<O8'],
        testability: 'buyer-side',
        summary: 'When the Seller demands a prior quote, each item references its quoteItem',
      },
      {
        id: 'R16',
        role: 'Buyer',
        traces: ['MEF57.2 R25'],
        testability: 'buyer-side',
        summary:
          'A Buyer that needs a TSP restoration priority sets tspRestorationPriority on the item at creation',
      },
    ],
  },
  {
    section: '6.1.5',
    useCases: ['1'],
    entries: [
      {
        id: 'R17',
        role: 'Seller',
        traces: ['MEF57.2 R19', 'MEF57.2 R33'],
        testability: 'automatic',
        summary: 'The create response echoes every Buyer-supplied attribute with its value unchanged',
      },
      {
        id: 'R18',
        role: 'Seller',
        traces: ['MEF57.2 R16'],
        testability: 'automatic',
        summary: 'The create response sets id, orderDate, items, state, stateChange and a sellerContact',
      },
      {
        id: 'R19',
        role: 'Seller',
        traces: ['MEF57.2 R17'],
        testability: 'automatic',
        summary: 'An order keeps the same id for its whole life',
      },
      {
        id: 'R20',
        role: 'Seller',
        traces: ['MEF57.2 R20', 'MEF57.2 R57'],
        testability: 'automatic',
        summary: "The order's stateChange lists every state the order has been in",
      },
      {
        id: 'O6',
        role: 'Seller',
        traces: ['MEF57.2 O9'],
        testability: 'automatic',
        summary:
          'The Seller may add notes to an order until it is completed, partial, rejected, cancelled or failed',
      },
      {
        id: 'R21',
        role: 'Seller',
        traces: ['MEF57.2 R9', 'MEF57.2 R10'],
        testability: 'automatic',
        summary: 'Notes the Seller adds carry source=seller',
      },
      {
        id: 'R22',
        role: 'Both',
        traces: ['MEF57.2 R13'],
        testability: 'automatic',
        summary: 'A note, once added, is never edited or removed',
      },
      {
        id: 'R23',
        role: 'Seller',
        traces: ['MEF57.2 R32'],
        testability: 'automatic',
        summary: 'Every order item in a response has state and stateChange',
      },
      {
        id: 'R24',
        role: 'Seller',
        traces: ['MEF57.2 R51', 'MEF57.2 R60'],
        testability: 'automatic',
        summary: "Each item's stateChange lists every state the item has been in",
      },
      {
        id: 'R25',
        role: 'Seller',
        traces: ['MEF57.2 R34'],
        testability: 'automatic',
        summary: 'An item requested with expediteIndicator=false never gets expediteAcceptedIndicator=true',
      },
      {
        id: 'R26',
        role: 'Seller',
        traces: ['MEF57.2 R35'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'expediteAcceptedIndicator is not true before the charge process for an expedite charge is over',
      },
      {
        id: 'R27',
        role: 'Seller',
        traces: ['MEF57.2 R39'],
        testability: 'conditional',
        capability: 'charges',
        summary: 'An item in held.assessingCharge with extra costs references them in its charge attribute',
      },
      {
        id: 'R28',
        role: 'Seller',
        traces: ['MEF57.2 R36'],
        testability: 'automatic',
        summary: 'A cancelled or failed item carries no expectedCompletionDate',
      },
      {
        id: 'R29',
        role: 'Seller',
        traces: ['MEF57.2 R37'],
        testability: 'automatic',
        summary: 'An inProgress item carries an expectedCompletionDate',
      },
      {
        id: 'R30',
        role: 'Seller',
        traces: ['MEF57.2 R38'],
        testability: 'automatic',
        summary: 'An item that is not completed carries no completionDate',
      },
    ],
  },
];
