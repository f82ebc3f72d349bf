/**
 * Optional bundles of the API (Mplify 123.1 §5.2.1, [O1], [CR1]–[CR4]) plus the optional behaviours a
 * Seller declares. A scenario needing a bundle the target lacks is "not applicable", and the catalog then
 * checks that the bundle's operations answer 501.
 */
export const CAPABILITIES = {
  'update-order': {
    requirement: 'O1',
    summary: 'UC 2: PATCH /productOrder/{id}',
    operations: ['patchProductOrder'],
  },
  'modify-date': {
    requirement: 'CR1',
    summary: 'UC 5–7: modify an item requested delivery date',
    operations: [
      'createModifyProductOrderItemRequestedDeliveryDate',
      'listModifyProductOrderItemRequestedDeliveryDate',
      'retrieveModifyProductOrderItemRequestedDeliveryDate',
    ],
  },
  cancel: {
    requirement: 'CR2',
    summary: 'UC 8–10: cancel a product order',
    operations: ['createCancelProductOrder', 'listCancelProductOrder', 'retrieveCancelProductOrder'],
  },
  charges: {
    requirement: 'CR3',
    summary: 'UC 11–14: Seller-initiated charges and Buyer answers',
    operations: ['listCharge', 'retrieveCharge', 'patchCharge'],
  },
  notifications: {
    requirement: 'CR4',
    summary: 'UC 15–16: hub registration and notifications',
    operations: ['registerListener', 'retrieveHub', 'unregisterListener'],
  },
  milestones: { requirement: 'O19', summary: 'item milestones and their events', operations: [] },
  /**
   * Not a bundle of the API: the target requires credentials on every call (MEF 128.1, outside Mplify
   * 123.1), so the security scenarios (401/403 answers) apply. The embedded Seller declares it when its
   * profile's `auth.mode` is not `none`; a real target through `--capabilities` (or by default when the
   * run is given credentials for it).
   */
  authentication: {
    requirement: 'MEF128.1',
    summary: 'the Seller requires credentials (bearer token or OAuth 2.0 client credentials)',
    operations: [],
  },
} as const satisfies Record<string, { requirement: string; summary: string; operations: readonly string[] }>;

export type Capability = keyof typeof CAPABILITIES;
export const ALL_CAPABILITIES = Object.keys(CAPABILITIES) as Capability[];

export function isCapability(value: string): value is Capability {
  return value in CAPABILITIES;
}

/** The capability an operation belongs to, or undefined for the mandatory operations ([R1]). */
export function capabilityOfOperation(operationId: string): Capability | undefined {
  return ALL_CAPABILITIES.find((c) =>
    (CAPABILITIES[c].operations as readonly string[]).includes(operationId),
  );
}
