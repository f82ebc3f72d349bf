/**
 * Builders of valid request bodies. Orders carry the contact roles the emulator requires of a Buyer
 * (R11: productOrderContact; R12: the three item roles) and, by default, a productConfiguration of a
 * type no product schema knows (accepted unvalidated).
 */
export type Json = Record<string, unknown>;

export const TEST_PRODUCT_TYPE = 'urn:example:test-product';
export const ITEM_CONTACT_ROLES = [
  'buyerProductOrderItemContact',
  'buyerImplementationContact',
  'buyerTechnicalContact',
] as const;

export function contact(role: string, name = 'Pat Buyer'): Json {
  return { name, emailAddress: 'pat@buyer.example', number: '+1-555-0199', role };
}

export function note(id: string, text = 'a note', source: 'buyer' | 'seller' = 'buyer'): Json {
  return { id, author: 'Pat Buyer', date: '2026-01-05T10:00:00.000Z', source, text };
}

export interface ItemOptions {
  readonly id?: string;
  readonly action?: 'add' | 'modify' | 'delete';
  readonly requestedCompletionDate?: string;
  readonly productConfiguration?: Json;
  readonly extra?: Json;
}

export function orderItem(options: ItemOptions = {}): Json {
  const action = options.action ?? 'add';
  const configuration = options.productConfiguration ?? { '@type': TEST_PRODUCT_TYPE, bandwidthMbps: 100 };
  const product: Json =
    action === 'add'
      ? { productConfiguration: configuration }
      : action === 'modify'
        ? { id: 'inventory-42', productConfiguration: configuration }
        : { id: 'inventory-42' };
  return {
    id: options.id ?? '1',
    action,
    requestedCompletionDate: options.requestedCompletionDate ?? '2026-03-02T00:00:00.000Z',
    product,
    relatedContactInformation: ITEM_CONTACT_ROLES.map((r) => contact(r)),
    ...options.extra,
  };
}

export interface OrderOptions {
  /** Outcome rules of the default profile key on its prefix (REJECT, FAIL, CHARGE, HOLD, …). */
  readonly externalId?: string;
  readonly projectId?: string;
  readonly items?: number | readonly Json[];
  readonly extra?: Json;
}

export function orderBody(options: OrderOptions = {}): Json {
  const items =
    typeof options.items === 'object'
      ? [...options.items]
      : Array.from({ length: options.items ?? 1 }, (_, i) => orderItem({ id: String(i + 1) }));
  return {
    externalId: options.externalId ?? 'PO-1',
    ...(options.projectId ? { projectId: options.projectId } : {}),
    relatedContactInformation: [contact('productOrderContact')],
    productOrderItem: items,
    ...options.extra,
  };
}

export function cancelBody(orderId: string, extra: Json = {}): Json {
  return {
    productOrder: { productOrderId: orderId },
    cancellationReason: 'no longer needed',
    cancellationReasonType: 'commercial',
    relatedContactInformation: [contact('cancelProductOrderContact')],
    ...extra,
  };
}

export function modifyBody(
  orderId: string,
  itemId: string,
  change: { requestedCompletionDate?: string; expediteIndicator?: boolean } = {
    requestedCompletionDate: '2026-04-01T00:00:00.000Z',
  },
): Json {
  return { productOrderItem: { productOrderId: orderId, productOrderItemId: itemId }, ...change };
}

export function hubBody(callback: string, query?: string): Json {
  return { callback, ...(query !== undefined ? { query } : {}) };
}

/** An answer to every item of a charge (UC 12). */
export function chargeAnswer(
  charge: { chargeItem: { id: string }[] },
  answer: 'accepted' | 'rejected',
): Json {
  return { chargeItem: charge.chargeItem.map((ci) => ({ id: ci.id, acceptanceIndicator: answer })) };
}

/**
 * A real MEF product payload: the Subscriber UNI of the SDK's "Use Case 5 Product Order - new EPL"
 * example (MEF 125, Apache-2.0), with the `@type` of the vendored carrier-ethernet-subscriber-uni schema.
 */
export const SUBSCRIBER_UNI_TYPE =
  'urn:mef:lso:spec:cantata-sonata:carrier-ethernet-subscriber-uni:v1.0.0:all';

export function subscriberUniConfiguration(): Json {
  return {
    '@type': SUBSCRIBER_UNI_TYPE,
    listOfPhyLinks: [
      {
        id: 'UniPhysicalLink_NewYork-1',
        physicalLink: '1000BASE_T',
        uniConnectorGender: 'SOCKET',
        autoNegotiation: 'ENABLED',
        synchronousEthernet: 'ENABLED',
        uniConnectorType: 'RJ45',
        precisionTiming: 'DISABLED',
      },
    ],
    virtualFrameMap: [],
    portConversation: [],
    maximumNumberOfEndPoints: 6,
    lagLinkMeg: 'DISABLED',
    l2cpAddressSet: 'CTA',
    linkOam: 'DISABLED',
    meg: 'ENABLED',
    linkAggregation: 'NONE',
    l2cpPeering: {},
    maximumNumberOfCtagVlanIdsPerEndPoint: 10,
    tokenShare: 'ENABLED',
    maximumServiceFrameSize: 1522,
    envelopes: [{ couplingFlagForIndexZero: true, envelopeID: 'env1' }],
    instantiation: 'PHYSICAL',
  };
}
