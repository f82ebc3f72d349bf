import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkCreateOrder } from '../../emulators/seller/http/buyer-rules';
import { renderTemplate, type JsonValue } from '../../src/scenario';
import { API_VERSIONS, loadApiSpec, ProductSchemaRegistry } from '../../src/spec';

/**
 * The built-in order fixtures (scenarios/fixtures/orders): each one is a valid ProductOrder_Create in every
 * API variant, each productConfiguration validates against the product schema its @type names (dynamic
 * binding, [R5]/[R6]), and each satisfies the Buyer rules the Seller emulator enforces ([R11], [R12],
 * [R45], [R46], item ids unique, relationships inside the order).
 */
const ROOT = path.join(__dirname, '..', '..', 'scenarios', 'fixtures');
const ORDERS = path.join(ROOT, 'orders');

function listFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listFixtures(full);
    return /\.(json|ya?ml)$/.test(e.name) ? [full] : [];
  });
}

type Json = Record<string, unknown>;

/** The fixture as a scenario would send it: templates rendered on a fixed clock. */
function render(file: string): Json {
  const text = fs.readFileSync(file, 'utf8');
  const raw = (/\.ya?ml$/.test(file) ? parseYaml(text) : JSON.parse(text)) as JsonValue;
  const rendered = renderTemplate(raw, {}, {
    now: () => Date.parse('2030-01-15T10:00:00.000Z'),
    uuid: () => '00000000-0000-4000-8000-000000000000',
    runId: 'run-1',
    scenarioId: 'PO-TEST',
  });
  if (!rendered.ok) throw new Error(`${file}: ${rendered.errors.map((e) => e.message).join('; ')}`);
  return rendered.value as Json;
}

const files = listFixtures(ORDERS).sort();
const cases = files.map((f) => [path.relative(ROOT, f).split(path.sep).join('/'), f] as const);
const products = new ProductSchemaRegistry();

function items(body: Json): Json[] {
  return body['productOrderItem'] as Json[];
}

describe('order fixtures', () => {
  test('one install, change and disconnect order per product', () => {
    const names = cases.map(([name]) => name);
    for (const product of ['access-eline', 'epl']) {
      for (const action of ['install', 'change', 'disconnect'])
        expect(names).toContain(`orders/${product}/${action}.json`);
    }
    for (const variant of ['basic', 'advanced']) {
      for (const action of ['install', 'change', 'disconnect'])
        expect(names).toContain(`orders/internet-access/${variant}-${action}.json`);
    }
  });

  describe.each(API_VERSIONS)('%s', (version) => {
    test.each(cases)('%s is a valid ProductOrder_Create', async (_name, file) => {
      const spec = await loadApiSpec(version);
      expect(spec.management.schemas.validate('ProductOrder_Create', render(file))).toEqual([]);
    });
  });

  test.each(cases)('%s: every productConfiguration validates against its @type', (_name, file) => {
    for (const item of items(render(file))) {
      const config = (item['product'] as Json | undefined)?.['productConfiguration'];
      if (config === undefined) continue;
      const type = (config as Json)['@type'] as string;
      expect({ item: item['id'], known: products.knows(type) }).toEqual({ item: item['id'], known: true });
      expect({ item: item['id'], violations: products.validate(config) }).toEqual({
        item: item['id'],
        violations: [],
      });
    }
  });

  test.each(cases)("%s satisfies the Seller emulator's Buyer rules", (_name, file) => {
    expect(checkCreateOrder(render(file), { requireBuyerContacts: true, products })).toEqual([]);
  });

  test.each(cases)('%s: item actions have the product attributes they need (R37, R40, R45, R46)', (_n, file) => {
    for (const item of items(render(file))) {
      const product = item['product'] as Json;
      if (item['action'] === 'add') {
        expect(product['id']).toBeUndefined();
        expect(product['productConfiguration']).toBeDefined();
        expect(product['productOffering']).toBeDefined();
      } else if (item['action'] === 'modify') {
        expect(Object.keys(product)).toEqual(
          expect.arrayContaining(['id', 'productOffering', 'productConfiguration']),
        );
      } else {
        expect(Object.keys(product)).toEqual(['id']);
        expect(item['requestedItemTerm']).toBeUndefined();
        expect(item['productOfferingQualificationItem']).toBeUndefined();
      }
    }
  });

  test.each(cases)('%s leaves place out: v10 and v11 place models differ (see README)', (_name, file) => {
    for (const item of items(render(file))) expect((item['product'] as Json)['place']).toBeUndefined();
  });
});
