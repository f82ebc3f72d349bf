import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { renderTemplate } from '../../../src/scenario/template';
import type { JsonValue } from '../../../src/scenario/types';
import type { BuyerFault } from './buyer-faults';

export type Json = Record<string, unknown>;

/**
 * Reads an order fixture (JSON, or YAML by extension) and renders its templates as a scenario would
 * (`${now+P30D}`, `${uuid}`, `${runId}`), on the real clock. Problems come back as text, never thrown.
 */
export function readOrderFixture(file: string): { order?: Json; error?: string } {
  let raw: unknown;
  try {
    const text = fs.readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    return { error: `cannot read the order fixture ${file}: ${(err as Error).message}` };
  }
  const rendered = renderTemplate(
    raw as JsonValue,
    {},
    {
      now: () => Date.now(),
      uuid: () => randomUUID(),
      runId: randomUUID(),
      scenarioId: 'reference-buyer',
    },
  );
  if (!rendered.ok) return { error: `${file}: ${rendered.errors.map((e) => e.message).join('; ')}` };
  const order = rendered.value;
  if (typeof order !== 'object' || order === null || Array.isArray(order))
    return { error: `${file}: an order fixture is a JSON object (a ProductOrder_Create)` };
  return { order: order as Json };
}

const items = (order: Json): Json[] =>
  Array.isArray(order['productOrderItem']) ? (order['productOrderItem'] as Json[]) : [];
const productOf = (item: Json): Json => (item['product'] ??= {}) as Json;

/** The create request as sent: the fixture, spoilt on purpose by the faults that concern it. */
export function orderBody(order: Json, faults: readonly BuyerFault[]): Json {
  const body = structuredClone(order);
  const first = items(body)[0];
  for (const fault of faults) {
    switch (fault) {
      case 'bad-body':
        if (first) first['action'] = 'install';
        break;
      case 'no-order-contact':
        body['relatedContactInformation'] = ((body['relatedContactInformation'] ?? []) as Json[]).filter(
          (c) => c['role'] !== 'productOrderContact',
        );
        break;
      case 'no-item-contact':
        if (first)
          first['relatedContactInformation'] = ((first['relatedContactInformation'] ?? []) as Json[]).filter(
            (c) => c['role'] !== 'buyerTechnicalContact',
          );
        break;
      case 'seller-attribute':
        body['state'] = 'acknowledged';
        break;
      case 'add-with-product-id':
        if (first) productOf(first)['id'] = 'PRODUCT-0001';
        break;
      case 'delete-with-attributes':
        if (first) {
          first['action'] = 'delete';
          productOf(first)['id'] = 'PRODUCT-0001';
        }
        break;
      default:
        break;
    }
  }
  return body;
}
