import type { CatalogueSection } from './catalogue-types';

/**
 * §6.5–6.10, use cases 5–10: change an item delivery date, cancel an order.
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const UC5_TO_10_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '6.5.1',
    useCases: ['5a'],
    entries: [
      {
        id: 'R65',
        role: 'Buyer',
        traces: ['MEF57.2 R74'],
        testability: 'buyer-side',
        summary: 'An expedite-change request names productOrderItem and expediteIndicator',
      },
      {
        id: 'O11',
        role: 'Buyer',
        traces: ['MEF57.2 O13'],
        testability: 'untestable',
        why: 'a Buyer permission: sending it or not both conform',
        summary: 'An expedite-change request may also carry a requestedCompletionDate',
      },
      {
        id: 'R66',
        role: 'Seller',
        traces: ['MEF57.2 R75'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'The expedite-change response sets id, state and creationDate',
      },
      {
        id: 'R67',
        role: 'Seller',
        traces: ['MEF57.2 R76'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'The expedite-change response echoes every attribute and value the Buyer sent',
      },
    ],
  },
  {
    section: '6.5.2',
    useCases: ['5b'],
    entries: [
      {
        id: 'R68',
        role: 'Buyer',
        traces: ['MEF57.2 R78'],
        testability: 'buyer-side',
        summary: 'A delivery-date change request names productOrderItem and the new requestedCompletionDate',
      },
      {
        id: 'R69',
        role: 'Seller',
        traces: ['MEF57.2 R79'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'The delivery-date change response sets id, state and creationDate',
      },
      {
        id: 'R70',
        role: 'Seller',
        traces: ['MEF57.2 R80'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'The delivery-date change response echoes every attribute and value the Buyer sent',
      },
    ],
  },
  {
    section: '6.6',
    useCases: ['6'],
    entries: [
      {
        id: 'O12',
        role: 'Buyer',
        traces: ['MEF57.2 O18'],
        testability: 'buyer-side',
        summary:
          'A date-change list query may filter by state, expediteIndicator, productOrderId and the listed date ranges',
      },
      {
        id: 'R71',
        role: 'Seller',
        traces: ['MEF57.2 R104'],
        testability: 'conditional',
        capability: 'modify-date',
        summary:
          'Date-change list entries give id, creationDate, expediteIndicator, item, requestedCompletionDate, state if set',
      },
      {
        id: 'R72',
        role: 'Seller',
        traces: ['MEF57.2 R105'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'A date-change list query with no match returns an empty array',
      },
    ],
  },
  {
    section: '6.7',
    useCases: ['7'],
    entries: [
      {
        id: 'R73',
        role: 'Seller',
        traces: ['MEF57.2 R108'],
        testability: 'conditional',
        capability: 'modify-date',
        summary:
          'Retrieving a date-change request returns id, creationDate, expediteIndicator, item, date and state if set',
      },
      {
        id: 'R74',
        role: 'Seller',
        traces: ['MEF57.2 R109'],
        testability: 'conditional',
        capability: 'modify-date',
        summary: 'Retrieving an unknown date-change request id answers 404',
      },
    ],
  },
  {
    section: '6.8',
    useCases: ['8'],
    entries: [
      {
        id: 'R75',
        role: 'Buyer',
        traces: ['MEF57.2 R93'],
        testability: 'buyer-side',
        summary: 'The Buyer cancels only orders that it has itself submitted',
      },
      {
        id: 'R76',
        role: 'Buyer',
        traces: ['MEF57.2 R94'],
        testability: 'buyer-side',
        summary: 'A cancel request names the productOrder and a cancelProductOrderContact',
      },
      {
        id: 'R77',
        role: 'Seller',
        traces: ['MEF57.2 R95'],
        testability: 'conditional',
        capability: 'cancel',
        summary: 'The cancel response echoes every attribute the Buyer sent',
      },
      {
        id: 'R78',
        role: 'Seller',
        traces: ['MEF57.2 R96'],
        testability: 'conditional',
        capability: 'cancel',
        summary: 'The cancel response sets id, state and a cancelProductOrderSellerContact',
      },
    ],
  },
  {
    section: '6.9',
    useCases: ['9'],
    entries: [
      {
        id: 'O13',
        role: 'Buyer',
        traces: ['MEF57.2 O19'],
        testability: 'buyer-side',
        summary: 'A cancel list query may filter by productOrderId, state and cancellationReasonType',
      },
      {
        id: 'R79',
        role: 'Seller',
        traces: ['MEF57.2 R110'],
        testability: 'conditional',
        capability: 'cancel',
        summary: 'Cancel list entries give id, cancellationReasonType, productOrder and state if set',
      },
      {
        id: 'R80',
        role: 'Seller',
        traces: ['MEF57.2 R111'],
        testability: 'conditional',
        capability: 'cancel',
        summary: 'A cancel list query with no match returns an empty array',
      },
    ],
  },
  {
    section: '6.10',
    useCases: ['10'],
    entries: [
      {
        id: 'R81',
        role: 'Seller',
        traces: ['MEF57.2 R114'],
        testability: 'conditional',
        capability: 'cancel',
        summary:
          "Retrieving a cancel request echoes the Buyer's input and gives id, reasons, order, both contacts, state",
      },
    ],
  },
];
