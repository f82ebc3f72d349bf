import type { ProductSchemaRegistry } from '../../../src/spec';
import { error422, type ErrorBody } from './errors';

type Json = Record<string, unknown>;

const ITEM_CONTACT_ROLES = [
  'buyerProductOrderItemContact',
  'buyerImplementationContact',
  'buyerTechnicalContact',
];

function roles(contacts: unknown): string[] {
  return Array.isArray(contacts)
    ? contacts.map((c) => {
        const role = (c as Json | null)?.['role'];
        return typeof role === 'string' ? role : '';
      })
    : [];
}

/**
 * What each response schema adds to its `_Create` schema (identical in v10 and v11): attributes only the
 * Seller sets. A Buyer sending one gets `422 unexpectedProperty` ([R8]) rather than a silent override or an
 * echo that would break the attribute rules (a `completionDate` on an acknowledged item). Attributes the
 * spec does not define at all are still echoed ([R17]); API-NOTES §13.12 leaves that choice to us.
 */
export const SELLER_SET = {
  order: [
    'id',
    'href',
    'orderDate',
    'state',
    'stateChange',
    'completionDate',
    'cancellationDate',
    'cancellationReason',
    'cancellationCharge',
  ],
  item: [
    'state',
    'stateChange',
    'expectedCompletionDate',
    'completionDate',
    'expediteAcceptedIndicator',
    'charge',
    'milestone',
    'terminationError',
    'itemTerm',
  ],
  cancel: ['id', 'href', 'state', 'charge', 'cancellationDeniedReason'],
  modify: ['id', 'href', 'state', 'creationDate'],
} as const;

export function checkSellerSet(body: Json, attributes: readonly string[], at = ''): ErrorBody[] {
  return attributes
    .filter((key) => body[key] !== undefined)
    .map((key) =>
      error422('unexpectedProperty', `${key} is set by the Seller, not the Buyer (R8)`, `${at}/${key}`),
    );
}

/** [R11]: the order's contacts include a productOrderContact (at create, and after a PATCH replaces them). */
export function checkOrderContacts(contacts: unknown, at: string): ErrorBody[] {
  return roles(contacts).includes('productOrderContact')
    ? []
    : [
        error422(
          'missingProperty',
          'a contact with role productOrderContact is required (R11)',
          `${at}/relatedContactInformation`,
        ),
      ];
}

/** [R12]: each item's contacts include the three Buyer item roles. */
export function checkItemContacts(contacts: unknown, at: string): ErrorBody[] {
  const have = roles(contacts);
  return ITEM_CONTACT_ROLES.filter((r) => !have.includes(r)).map((role) =>
    error422(
      'missingProperty',
      `item contact with role ${role} is required (R12)`,
      `${at}/relatedContactInformation`,
    ),
  );
}

export interface CreateRuleOptions {
  readonly requireBuyerContacts: boolean;
  readonly products?: ProductSchemaRegistry;
}

/**
 * Business rules of a create request that the schema cannot express (Mplify 123.1 §6.1): each is a 422
 * with a JSON Pointer. The schema has already passed, so the shapes are known.
 */
export function checkCreateOrder(body: Json, options: CreateRuleOptions): ErrorBody[] {
  const errors: ErrorBody[] = checkSellerSet(body, SELLER_SET.order);
  if (options.requireBuyerContacts) errors.push(...checkOrderContacts(body['relatedContactInformation'], ''));
  const items = body['productOrderItem'] as Json[];
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const at = `/productOrderItem/${i}`;
    errors.push(...checkSellerSet(item, SELLER_SET.item, at));
    const id = String(item['id']);
    if (ids.has(id)) errors.push(error422('invalidValue', `item id '${id}' is used twice`, `${at}/id`));
    ids.add(id);
    const product = (item['product'] ?? {}) as Json;
    const action = item['action'];
    const hasConfig = product['productConfiguration'] !== undefined;
    if (action === 'add' && product['id'] !== undefined) {
      errors.push(
        error422(
          'unexpectedProperty',
          'an add item must not name an existing product id',
          `${at}/product/id`,
        ),
      );
    }
    if ((action === 'modify' || action === 'delete') && product['id'] === undefined) {
      errors.push(
        error422('missingProperty', `a ${action} item must name the product id (R45)`, `${at}/product/id`),
      );
    }
    if ((action === 'add' || action === 'modify') && !hasConfig) {
      errors.push(
        error422(
          'missingProperty',
          `an ${action} item needs product.productConfiguration`,
          `${at}/product/productConfiguration`,
        ),
      );
    }
    if (action === 'delete') {
      for (const key of Object.keys(product).filter((k) => k !== 'id' && k !== 'href')) {
        errors.push(
          error422(
            'unexpectedProperty',
            `a delete item carries only product.id (R46)`,
            `${at}/product/${key}`,
          ),
        );
      }
      for (const key of ['productOfferingQualificationItem', 'requestedItemTerm']) {
        if (item[key] !== undefined)
          errors.push(
            error422('unexpectedProperty', `a delete item must not carry ${key} (R46)`, `${at}/${key}`),
          );
      }
    }
    if (options.requireBuyerContacts)
      errors.push(...checkItemContacts(item['relatedContactInformation'], at));
    if (hasConfig && options.products) {
      const config = product['productConfiguration'];
      const type = (config as Json | null)?.['@type'];
      if (typeof type === 'string' && options.products.knows(type)) {
        for (const v of options.products.validate(config)) {
          errors.push(
            error422(
              v.keyword === 'required' ? 'missingProperty' : 'invalidValue',
              v.message.trim(),
              `${at}/product/productConfiguration${v.pointer}`,
            ),
          );
        }
      }
    }
  });
  items.forEach((item, i) => {
    const rels = (item['productOrderItemRelationship'] ?? []) as Json[];
    rels.forEach((rel, j) => {
      if (!ids.has(String(rel['id']))) {
        errors.push(
          error422(
            'referenceNotFound',
            `related item '${String(rel['id'])}' is not in this order`,
            `/productOrderItem/${i}/productOrderItemRelationship/${j}/id`,
          ),
        );
      }
    });
  });
  return errors;
}
