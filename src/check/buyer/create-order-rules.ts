/**
 * What Mplify 123.1 §6.1 asks of the Buyer's create request beyond the schema, one named rule per
 * requirement. The contact and Seller-only rules are the Seller emulator's own (http/buyer-rules.ts), so the
 * emulator and the judgement never disagree; here each one carries its requirement id.
 */
import {
  checkItemContacts,
  checkOrderContacts,
  checkSellerSet,
  SELLER_SET,
} from '../../../emulators/seller/http/buyer-rules';
import type { ErrorBody } from '../../../emulators/seller/http/errors';
import type { ProductSchemaRegistry } from '../../spec';
import { asObject, asObjects, type Json, type Violation } from './buyer-check-types';

const fromErrors = (errors: readonly ErrorBody[], code: string, requirements: string[]): Violation[] =>
  errors.map((e) => ({
    code,
    message: e.reason,
    requirements,
    ...(e.propertyPath !== undefined ? { pointer: e.propertyPath } : {}),
  }));

function missing(item: Json, key: string): boolean {
  return item[key] === undefined || item[key] === null;
}

function addItemRules(item: Json, product: Json, at: string): Violation[] {
  const out: Violation[] = [];
  const need = (present: boolean, code: string, what: string, req: string, pointer: string): void => {
    if (!present)
      out.push({ code, message: `an add item must carry ${what} (${req})`, requirements: [req], pointer });
  };
  if (product['id'] !== undefined)
    out.push({
      code: 'buyer.add.productId',
      message: 'an add item must not name product.id: the Seller assigns it (R37)',
      requirements: ['R37'],
      pointer: `${at}/product/id`,
    });
  need(
    !missing(product, 'productConfiguration'),
    'buyer.add.noConfiguration',
    'product.productConfiguration',
    'R31',
    `${at}/product`,
  );
  need(
    !missing(product, 'productOffering'),
    'buyer.add.noOffering',
    'product.productOffering',
    'R33',
    `${at}/product`,
  );
  need(!missing(item, 'billingAccount'), 'buyer.add.noBillingAccount', 'a billingAccount', 'R34', at);
  need(!missing(item, 'requestedItemTerm'), 'buyer.add.noItemTerm', 'a requestedItemTerm', 'R35', at);
  const term = asObject(item['requestedItemTerm']);
  if (term?.['endOfTermAction'] === 'roll' && missing(term, 'rollInterval'))
    out.push({
      code: 'buyer.add.noRollInterval',
      message: 'a requestedItemTerm with endOfTermAction roll must give rollInterval (R36)',
      requirements: ['R36'],
      pointer: `${at}/requestedItemTerm`,
    });
  return out;
}

function modifyItemRules(product: Json, at: string): Violation[] {
  const absent = ['id', 'productOffering', 'productConfiguration'].filter((k) => missing(product, k));
  return absent.length === 0
    ? []
    : [
        {
          code: 'buyer.modify.incomplete',
          message: `a modify item must give product.${absent.join(', product.')} (R40)`,
          requirements: ['R40'],
          pointer: `${at}/product`,
        },
      ];
}

function deleteItemRules(item: Json, product: Json, at: string): Violation[] {
  const out: Violation[] = [];
  if (missing(product, 'id'))
    out.push({
      code: 'buyer.delete.noProductId',
      message: 'a delete item must give product.id (R45)',
      requirements: ['R45'],
      pointer: `${at}/product/id`,
    });
  for (const key of Object.keys(product).filter((k) => k !== 'id' && k !== 'href'))
    out.push({
      code: 'buyer.delete.extraAttribute',
      message: `a delete item carries only product.id, not product.${key} (R46)`,
      requirements: ['R46'],
      pointer: `${at}/product/${key}`,
    });
  for (const key of ['productOfferingQualificationItem', 'requestedItemTerm'].filter(
    (k) => item[k] !== undefined,
  ))
    out.push({
      code: 'buyer.delete.extraAttribute',
      message: `a delete item must not carry ${key} (R46)`,
      requirements: ['R46'],
      pointer: `${at}/${key}`,
    });
  return out;
}

function configurationRules(product: Json, at: string, products?: ProductSchemaRegistry): Violation[] {
  const config = asObject(product['productConfiguration']);
  if (!config) return [];
  const type = config['@type'];
  if (typeof type !== 'string' || type === '')
    return [
      {
        code: 'buyer.configuration.noType',
        message: 'productConfiguration must name its product specification in @type (R5)',
        requirements: ['R5'],
        pointer: `${at}/product/productConfiguration`,
      },
    ];
  if (!products?.knows(type)) return [];
  return products.validate(config).map((v) => ({
    code: 'buyer.configuration.invalid',
    message: `productConfiguration breaks ${type}: ${v.message.trim()} (R6)`,
    requirements: ['R6'],
    pointer: `${at}/product/productConfiguration${v.pointer}`,
  }));
}

/** [R14] (Mplify 123.1 place model): every product.place entry gives both `place` and `role`. */
function placeRules(product: Json, at: string): Violation[] {
  return asObjects(product['place']).flatMap((p, j) =>
    ['place', 'role']
      .filter((k) => missing(p, k))
      .map((k) => ({
        code: 'buyer.place.incomplete',
        message: `product.place[${j}] must give ${k} (R14)`,
        requirements: ['R14'],
        pointer: `${at}/product/place/${j}`,
      })),
  );
}

export interface CreateRuleOptions {
  readonly products?: ProductSchemaRegistry;
  /** Mplify 123.1 (v11/v6): its place model and R14 apply. */
  readonly mplify: boolean;
}

/** Every Buyer rule of a create request that the schema cannot express, each with its requirement. */
export function createOrderViolations(body: unknown, options: CreateRuleOptions): Violation[] {
  const order = asObject(body);
  if (!order) return [];
  const out: Violation[] = [
    ...fromErrors(checkOrderContacts(order['relatedContactInformation'], ''), 'buyer.contact.order', ['R11']),
    ...fromErrors(checkSellerSet(order, SELLER_SET.order), 'buyer.sellerOnlyAttribute', ['R8']),
  ];
  const items = asObjects(order['productOrderItem']);
  const ids = new Set<string>();
  items.forEach((item, i) => {
    const at = `/productOrderItem/${i}`;
    const product = asObject(item['product']) ?? {};
    out.push(
      ...fromErrors(checkSellerSet(item, SELLER_SET.item, at), 'buyer.sellerOnlyAttribute', ['R8']),
      ...fromErrors(checkItemContacts(item['relatedContactInformation'], at), 'buyer.contact.item', ['R12']),
    );
    const id = typeof item['id'] === 'string' ? item['id'] : undefined;
    if (id !== undefined && ids.has(id))
      out.push({
        code: 'buyer.item.duplicateId',
        message: `item id '${id}' is used twice in the order (R12)`,
        requirements: ['R12'],
        pointer: `${at}/id`,
      });
    if (id !== undefined) ids.add(id);
    if (item['action'] === 'add') out.push(...addItemRules(item, product, at));
    if (item['action'] === 'modify') out.push(...modifyItemRules(product, at));
    if (item['action'] === 'delete') out.push(...deleteItemRules(item, product, at));
    out.push(...configurationRules(product, at, options.products));
    if (options.mplify) out.push(...placeRules(product, at));
  });
  items.forEach((item, i) => {
    asObjects(item['productOrderItemRelationship']).forEach((rel, j) => {
      if (typeof rel['id'] === 'string' && ids.has(rel['id'])) return;
      out.push({
        code: 'buyer.item.relationship',
        message: `productOrderItemRelationship names item '${String(rel['id'])}', which is not in the order (R13, R32)`,
        requirements: ['R13', 'R32'],
        pointer: `/productOrderItem/${i}/productOrderItemRelationship/${j}/id`,
      });
    });
  });
  return out;
}
