import { API_VERSIONS, inferApiVersion, loadApiSpec, ProductSchemaRegistry } from '../../src/spec';

describe('spec layer', () => {
  test.each(API_VERSIONS)('%s: 16 management operations and 9 event types', async (id) => {
    const spec = await loadApiSpec(id);
    expect(spec.management.operations.size).toBe(16);
    expect(spec.eventTypes).toHaveLength(9);
    expect(spec.management.operations.get('createProductOrder')?.successStatus).toBe(201);
    expect(spec.management.operations.get('unregisterListener')?.successStatus).toBe(204);
    expect(spec.management.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('v10 and v11 name the expected-completion-date event differently', async () => {
    expect((await loadApiSpec('sonata-v11')).eventTypes).toContain(
      'productOrderItemExpectedCompletionDateSetEvent',
    );
    expect((await loadApiSpec('sonata-v10')).eventTypes).toContain(
      'productOrderItemExpectedCompletionDateSet',
    );
  });

  test('ajv reports every violation with a JSON pointer', async () => {
    const spec = await loadApiSpec('sonata-v11');
    const v = spec.management.schemas.validate('ProductOrder', { id: 1, state: 'bogus' });
    expect(v.map((x) => x.pointer)).toEqual(
      expect.arrayContaining(['/orderDate', '/productOrderItem', '/stateChange', '/id', '/state']),
    );
    expect(
      spec.management.schemas.validate('[ProductOrder_Find]', [
        { id: 'a', orderDate: 'x', state: 'completed' },
      ]),
    ).toEqual([expect.objectContaining({ pointer: '/0/orderDate', keyword: 'format' })]);
  });

  test('prism-http judges status, content type and body of a response', async () => {
    const spec = await loadApiSpec('sonata-v11');
    const bad = spec.management.http.validateResponse('retrieveProductOrder', {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: { id: '1', state: 'bogus' },
    });
    expect(bad.some((v) => v.location === 'body.state' && v.severity === 0)).toBe(true);
    const unknownStatus = spec.management.http.validateResponse('retrieveProductOrder', {
      status: 418,
      headers: {},
      body: '',
    });
    expect(unknownStatus[0]?.message).toMatch(/status code/);
  });

  test('the target path tells the API variant', () => {
    expect(inferApiVersion('http://x/mefApi/cantata/productOrderingManagement/v5')).toBe('cantata-v5');
    expect(inferApiVersion('http://x/mefApi/sonata/productOrderingManagement/v11/')).toBe('sonata-v11');
    expect(inferApiVersion('http://x/other')).toBeUndefined();
  });

  test('product payloads are validated by @type (dynamic binding)', () => {
    const registry = new ProductSchemaRegistry();
    expect(registry.schemas.length).toBeGreaterThanOrEqual(20);
    expect(registry.knows('urn:mef:lso:spec:sonata:access-eline-ovc:v5.0.0:all')).toBe(true);
    expect(registry.validate({ '@type': 'urn:example:unknown' })[0]?.keyword).toBe('unknownType');
    expect(registry.validate({})[0]?.property).toBe('@type');
    // accessElineOvc.yaml carries `properties: null`; it must still compile and judge values.
    const wrong = registry.validate({
      '@type': 'urn:mef:lso:spec:sonata:access-eline-ovc:v5.0.0:all',
      uniEp: 7,
    });
    expect(wrong.length).toBeGreaterThan(0);
  });
});
