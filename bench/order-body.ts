import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../src/util/package-root';

type Json = Record<string, unknown>;

/** The catalog's UNI install order (a real product payload from the SDK), read once. */
function fixture(): Json {
  const file = path.join(packageRoot(), 'scenarios', 'fixtures', 'orders', 'uni-install.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/**
 * A valid `ProductOrder_Create` with `items` copies of the fixture's item (ids `item-1` …), so that the
 * order passes the Seller emulator's Buyer rules and product-schema validation, and Prism's schema.
 */
export function orderBody(items = 1, externalId = 'LSO-BENCH'): Json {
  const base = fixture();
  const [item] = base['productOrderItem'] as Json[];
  return {
    ...base,
    externalId,
    productOrderItem: Array.from({ length: items }, (_, i) => ({ ...item, id: `item-${i + 1}` })),
  };
}

export const JSON_TYPE = 'application/json;charset=utf-8';
