import type { CatalogueSection } from './catalogue-types';

/**
 * §6.2–6.4, use cases 2–4: update an order, list orders, retrieve an order.
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const UC2_TO_4_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '6.2',
    useCases: ['2'],
    entries: [
      {
        id: 'R53',
        role: 'Buyer',
        traces: ['MEF57.2 R62'],
        testability: 'buyer-side',
        summary: 'An order PATCH sets at least one updatable order attribute',
      },
      {
        id: 'R54',
        role: 'Buyer',
        traces: ['MEF57.2 R69'],
        testability: 'buyer-side',
        summary: 'An item inside an order PATCH sets at least one updatable item attribute besides id',
      },
      {
        id: 'R55',
        role: 'Buyer',
        traces: ['MEF57.2 R68'],
        testability: 'buyer-side',
        summary: 'Items in an order PATCH are identified by productOrderItem.id',
      },
      {
        id: 'R56',
        role: 'Buyer',
        traces: ['MEF57.2 R69'],
        testability: 'buyer-side',
        summary: "A PATCH meant to update an item changes at least one of the item's updatable attributes",
      },
      {
        id: 'R57',
        role: 'Buyer',
        traces: ['MEF57.2 R4'],
        testability: 'buyer-side',
        summary: 'In an order PATCH the Buyer changes only Buyer-side contact information',
      },
      {
        id: 'R58',
        role: 'Buyer',
        traces: ['MEF57.2 R11', 'MEF57.2 R12'],
        testability: 'buyer-side',
        summary: 'A note the Buyer adds has source=buyer',
      },
      {
        id: 'R59',
        role: 'Buyer',
        traces: ['MEF57.2 R14'],
        testability: 'buyer-side',
        summary: 'The Buyer adds a note by appending it to the note list, keeping the existing entries',
      },
    ],
  },
  {
    section: '6.3',
    useCases: ['3'],
    entries: [
      {
        id: 'O10',
        role: 'Buyer',
        traces: ['MEF57.2 O16', 'MEF57.2 O17'],
        testability: 'buyer-side',
        summary:
          'A product order list query may filter by state, externalId, projectId and the listed date ranges',
      },
      {
        id: 'D5',
        role: 'Seller',
        useCases: ['3', '6', '9', '13'],
        traces: [],
        testability: 'automatic',
        summary: 'The Seller should support paging (offset and limit) on list operations',
      },
      {
        id: 'CR7',
        role: 'Seller',
        useCases: ['3', '6', '9', '13'],
        traces: [],
        testability: 'automatic',
        summary: 'A truncated page is flagged with an X-Total-Count or X-Pagination-Throttled header',
      },
      {
        id: 'R60',
        role: 'Seller',
        traces: ['MEF57.2 R99'],
        testability: 'automatic',
        summary:
          'Each order list entry gives id, cancellationDate, completionDate, externalId, orderDate, projectId, state if set',
      },
      {
        id: 'R61',
        role: 'Seller',
        traces: ['MEF57.2 R101'],
        testability: 'automatic',
        summary: 'An order list query with no match returns 200 and an empty array',
      },
      {
        id: 'R62',
        role: 'Seller',
        traces: [],
        testability: 'automatic',
        summary:
          'When a query matches more records than the Seller allows, it answers 422 with code tooManyRecords',
        needs: "a query that exceeds the Seller's own record limit",
      },
    ],
  },
  {
    section: '6.4',
    useCases: ['4'],
    entries: [
      {
        id: 'R63',
        role: 'Seller',
        traces: [],
        testability: 'automatic',
        summary: "Once the Seller assigns an item's product.id, every later response shows it",
      },
      {
        id: 'R64',
        role: 'Seller',
        traces: ['MEF57.2 R103'],
        testability: 'automatic',
        summary: 'Order and item states and their attributes follow Tables 10 and 11 of the guide',
      },
    ],
  },
];
