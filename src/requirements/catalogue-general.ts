import type { CatalogueSection } from './catalogue-types';

/**
 * §5: endpoints and optional bundles, buyer/seller ids, product payloads, structural validation.
 * Summaries are in our own words; the statements themselves are in the guide.
 */
export const GENERAL_SECTIONS: readonly CatalogueSection[] = [
  {
    section: '5.2.1',
    useCases: ['all'],
    entries: [
      {
        id: 'R1',
        role: 'Seller',
        useCases: ['1', '1a', '1b', '1c', '3', '4'],
        traces: ['MEF57.2 R1'],
        testability: 'automatic',
        summary:
          'The Seller serves POST and GET /productOrder and GET /productOrder/{id} (create, list, retrieve)',
      },
      {
        id: 'O1',
        role: 'Seller',
        useCases: ['2', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'],
        traces: ['MEF57.2 O1'],
        testability: 'conditional',
        capability: 'update-order',
        summary:
          'The Seller may offer the optional endpoints: order PATCH, date change, cancel, charges and hub',
      },
      {
        id: 'CR1',
        role: 'Seller',
        useCases: ['5', '5a', '5b', '6', '7'],
        traces: ['MEF57.2 CR1<O1'],
        testability: 'conditional',
        capability: 'modify-date',
        summary:
          'Delivery-date change (UC 5-7) is all or nothing: offering one of its operations means offering all',
      },
      {
        id: 'CR2',
        role: 'Seller',
        useCases: ['8', '9', '10'],
        traces: ['MEF57.2 CR2<O1'],
        testability: 'conditional',
        capability: 'cancel',
        summary:
          'Cancellation (UC 8-10) is all or nothing: offering one of its operations means offering all',
      },
      {
        id: 'CR3',
        role: 'Seller',
        useCases: ['11', '12', '13', '14', '15', '16'],
        traces: ['MEF57.2 CR3<O1'],
        testability: 'conditional',
        capability: 'charges',
        summary:
          'Offering any charge operation (UC 11-14) obliges all of them plus hub and notifications (UC 15-16)',
      },
      {
        id: 'CR4',
        role: 'Seller',
        useCases: ['15', '16'],
        traces: ['MEF57.2 CR4<O1'],
        testability: 'conditional',
        capability: 'notifications',
        summary: 'Hub registration and notification sending (UC 15-16) come together or not at all',
      },
    ],
  },
  {
    section: '5.3',
    useCases: ['all'],
    entries: [
      {
        id: 'R2',
        role: 'Buyer',
        traces: ['Mplify150 R62'],
        testability: 'buyer-side',
        summary: 'A requester acting for several Buyers names the one it represents in buyerId',
      },
      {
        id: 'R3',
        role: 'Buyer',
        traces: ['Mplify150 R63'],
        testability: 'buyer-side',
        summary: 'When the responder fronts several Sellers, the Buyer names the intended Seller in sellerId',
      },
    ],
  },
  {
    section: '5.4',
    useCases: ['all'],
    entries: [
      {
        id: 'R4',
        role: 'Both',
        traces: [],
        testability: 'automatic',
        summary:
          'Product-specific attributes travel in productConfiguration (MEFProductConfiguration), the extension point',
      },
      {
        id: 'R5',
        role: 'Both',
        traces: [],
        testability: 'automatic',
        summary: 'productConfiguration.@type names the product schema that the payload extends',
      },
      {
        id: 'R6',
        role: 'Both',
        traces: [],
        testability: 'automatic',
        summary: 'Product attributes validate against the product schema that @type names',
      },
    ],
  },
  {
    section: '5.6',
    useCases: ['all'],
    entries: [
      {
        id: 'R7',
        role: 'Both',
        traces: [],
        testability: 'automatic',
        summary: "Every payload validates against the API's schema definitions",
      },
      {
        id: 'R8',
        role: 'Both',
        traces: [],
        testability: 'automatic',
        summary:
          'Neither party uses operations, entities or attributes the standard does not define or permit',
      },
      {
        id: 'R9',
        role: 'Both',
        traces: [],
        testability: 'untestable',
        why: 'the rules are prose in each product specification, not machine-readable schemas',
        summary:
          'Extra consistency rules of a product specification (relations, multiplicities, contact and place roles) hold',
      },
    ],
  },
];
