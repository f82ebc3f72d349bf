import type { CatalogueSection } from './catalogue-types';

/**
 * §6.1.6–6.1.12, use cases 1a–1c (install, change, disconnect items), lifecycle and place rules.
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const UC1_ITEM_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '6.1.6',
    useCases: ['1a'],
    entries: [
      {
        id: 'R31',
        role: 'Buyer',
        traces: ['MEF57.2 R24'],
        testability: 'buyer-side',
        summary: 'An install item carries product.productConfiguration',
      },
      {
        id: 'R32',
        role: 'Buyer',
        traces: ['MEF57.2 R45'],
        testability: 'buyer-side',
        summary:
          'An install item related to another item of the same order states it in productOrderItemRelationship',
      },
      {
        id: 'R33',
        role: 'Buyer',
        traces: ['MEF57.2 R45'],
        testability: 'buyer-side',
        summary: 'An install item names its product.productOffering',
      },
      {
        id: 'R34',
        role: 'Buyer',
        traces: ['MEF57.2 R47'],
        testability: 'buyer-side',
        summary: 'An install item carries a billingAccount, even when the expected price is nil',
      },
      {
        id: 'R35',
        role: 'Buyer',
        traces: ['MEF57.2 R43'],
        testability: 'buyer-side',
        summary: 'An install item carries a requestedItemTerm',
      },
      {
        id: 'R36',
        role: 'Buyer',
        traces: ['MEF57.2 R44'],
        testability: 'buyer-side',
        summary: 'A requestedItemTerm whose endOfTermAction is roll also gives rollInterval',
      },
      {
        id: 'R37',
        role: 'Buyer',
        traces: [],
        testability: 'buyer-side',
        summary: 'An install item leaves product.id out: the Seller assigns it',
      },
      {
        id: 'R38',
        role: 'Seller',
        traces: ['MEF57.2 R49'],
        testability: 'automatic',
        summary:
          'An item asking for a requestedItemTerm the Seller does not offer is rejected (item state rejected)',
        needs: 'a fixture with a term the Seller does not offer',
      },
      {
        id: 'R39',
        role: 'Seller',
        traces: ['MEF57.2 R50'],
        testability: 'automatic',
        summary: 'An item whose requestedItemTerm differs from the term of the quote it cites is rejected',
        needs: "a fixture citing one of the Seller's quotes with a different term",
      },
    ],
  },
  {
    section: '6.1.7',
    useCases: ['1b'],
    entries: [
      {
        id: 'R40',
        role: 'Buyer',
        traces: ['MEF57.2 R24', 'MEF57.2 R56'],
        testability: 'buyer-side',
        summary: 'A modify item gives product.id, product.productOffering and product.productConfiguration',
      },
      {
        id: 'R41',
        role: 'Buyer',
        traces: [],
        testability: 'buyer-side',
        summary:
          'A modify item states the product in full, including productRelationship and place even when empty',
      },
      {
        id: 'R42',
        role: 'Buyer',
        traces: ['MEF57.2 R55'],
        testability: 'buyer-side',
        summary:
          'A modify item related to another item of the same order states it in productOrderItemRelationship',
      },
      {
        id: 'R43',
        role: 'Buyer',
        traces: ['MEF57.2 R54'],
        testability: 'buyer-side',
        summary: 'A modify item carries requestedItemTerm when the Seller needs one for the change',
      },
      {
        id: 'O7',
        role: 'Seller',
        traces: [],
        testability: 'untestable',
        why: 'a Seller policy choice: either choice conforms and nothing follows for the Seller',
        summary:
          "The Seller may accept a modify item whose productOffering differs from the existing product's",
      },
      {
        id: 'R44',
        role: 'Buyer',
        traces: [],
        testability: 'buyer-side',
        summary:
          "A changed productOffering on a modify item stays within the existing product's specification",
      },
      {
        id: 'O8',
        role: 'Buyer',
        traces: ['MEF57.2 O12'],
        testability: 'untestable',
        why: 'a Buyer permission: sending it or not both conform',
        summary: 'A modify item may carry a billingAccount',
      },
      {
        id: 'O9',
        role: 'Seller',
        traces: ['MEF57.2 O10'],
        testability: 'untestable',
        why: 'a Seller policy choice: either choice conforms and nothing follows for the Seller',
        summary: 'For modify orders too, the Seller may insist on one billingAccount for all items',
      },
    ],
  },
  {
    section: '6.1.8',
    useCases: ['1c'],
    entries: [
      {
        id: 'R45',
        role: 'Buyer',
        traces: ['MEF57.2 R58'],
        testability: 'buyer-side',
        summary: 'A delete item gives productOrderItem.product.id',
      },
      {
        id: 'R46',
        role: 'Buyer',
        traces: ['MEF57.2 R59'],
        testability: 'buyer-side',
        summary:
          'A delete item omits productOfferingQualificationItem, requestedItemTerm and every product attribute but id',
      },
    ],
  },
  {
    section: '6.1.11',
    useCases: ['1'],
    entries: [
      {
        id: 'R47',
        role: 'Seller',
        traces: ['MEF57.2 R21'],
        testability: 'automatic',
        summary: 'A completed order carries a completionDate',
      },
      {
        id: 'R48',
        role: 'Seller',
        traces: ['MEF57.2 R40'],
        testability: 'automatic',
        summary: 'Lifecycle rule: an inProgress item always shows an expectedCompletionDate',
      },
      {
        id: 'R49',
        role: 'Seller',
        traces: ['MEF57.2 R42'],
        testability: 'automatic',
        summary: 'Lifecycle rule: a cancelled item shows no expectedCompletionDate',
      },
      {
        id: 'R50',
        role: 'Seller',
        traces: ['MEF57.2 R41'],
        testability: 'automatic',
        summary: 'Lifecycle rule: a completed item shows a completionDate',
      },
      {
        id: 'R51',
        role: 'Seller',
        traces: ['MEF57.2 R52'],
        testability: 'automatic',
        summary: 'Lifecycle rule: an item not yet completed shows no completionDate',
      },
      {
        id: 'R52',
        role: 'Seller',
        traces: ['MEF57.2 R53'],
        testability: 'automatic',
        summary: 'A revised item expectedCompletionDate comes with a note saying that it changed and why',
        needs: 'a Seller that revises an expected completion date during the run',
      },
    ],
  },
  {
    section: '6.1.12',
    useCases: ['1'],
    entries: [
      {
        id: 'D1',
        role: 'Buyer',
        traces: [],
        testability: 'untestable',
        why: 'relies on the Address Validation API, outside this API',
        summary:
          'Before ordering, the Buyer should validate any address not yet validated (Address Validation API)',
      },
      {
        id: 'D2',
        role: 'Buyer',
        traces: [],
        testability: 'untestable',
        why: 'which addresses were validated is known only through another API',
        summary:
          "For a validated address with no site, the Buyer should cite the Seller's address id in the order",
      },
      {
        id: 'D3',
        role: 'Buyer',
        traces: [],
        testability: 'untestable',
        why: 'relies on the Service Site API, outside this API',
        summary:
          "After validating an address, the Buyer should fetch the Seller's site ids there before ordering",
      },
      {
        id: 'D4',
        role: 'Buyer',
        traces: [],
        testability: 'untestable',
        why: 'which sites the Buyer knows is learnt through another API',
        summary: 'Once it knows a site id, the Buyer should reference that site by its id in later orders',
      },
    ],
  },
];
