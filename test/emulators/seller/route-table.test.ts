import { loadApiSpec, type ApiSpec } from '../../../src/spec';
import { HttpError } from '../../../emulators/seller/http/errors';
import { RouteTable } from '../../../emulators/seller/http/route-table';

let spec: ApiSpec;
let table: RouteTable;
let base: string;

beforeAll(async () => {
  spec = await loadApiSpec('sonata-v11');
  base = spec.version.managementBasePath;
  table = new RouteTable(base, spec.management.operations.values());
});

const opAt = (method: string, path: string) => table.match(method, path)?.op.operationId;

describe('locate: the base path as express mounted it', () => {
  test('the path below the base path and the raw query', () => {
    expect(table.locate(`${base}/productOrder?buyerId=b%201&x`)).toEqual({
      path: '/productOrder',
      query: 'buyerId=b%201&x',
    });
    expect(table.locate(base)).toEqual({ path: '/', query: '' });
    expect(table.locate(`${base}/`)).toEqual({ path: '/', query: '' });
    expect(table.locate(`${base}//productOrder`)).toEqual({ path: '//productOrder', query: '' });
  });

  test('not under the base path: another version, a longer segment, the control API', () => {
    for (const url of [
      '/',
      '/mefApi',
      `${base}x/productOrder`,
      '/mefApi/sonata/productOrderingManagement/v10/productOrder',
      '/_lso/control/info',
      '*',
    ])
      expect(table.locate(url)).toBeUndefined();
  });

  test('the prefix is case-sensitive, as the operation path is', () => {
    expect(table.locate(`${base.toUpperCase()}/productOrder`)).toBeUndefined();
    expect(table.locate(`${base}/productOrder`)?.path).toBe('/productOrder');
  });

  test('a fragment or an absolute-form target is split as parseurl splits it', () => {
    expect(table.locate(`${base}/productOrder#frag`)).toEqual({ path: '/productOrder', query: '' });
    expect(table.locate(`http://seller.example${base}/hub?a=1`)).toEqual({ path: '/hub', query: 'a=1' });
  });
});

describe('match: method and path to the operation', () => {
  test('every operation of the spec at its own path', () => {
    for (const op of spec.management.operations.values()) {
      const path = op.path.replace('{id}', 'abc');
      expect(table.match(op.method.toUpperCase(), path)).toEqual({
        op,
        params: op.path.includes('{id}') ? { id: 'abc' } : {},
      });
    }
  });

  test('case-sensitive; one trailing slash allowed, not two; nothing below an {id}', () => {
    expect(opAt('POST', '/productOrder/')).toBe('createProductOrder');
    expect(opAt('GET', '/productOrder/abc/')).toBe('retrieveProductOrder');
    for (const path of ['/productorder', '/PRODUCTORDER', '/productOrder//', '/productOrder/a/b', '/'])
      expect(opAt('POST', path) ?? opAt('GET', path)).toBeUndefined();
  });

  test('HEAD is answered by the GET operation; other methods only where the spec has them', () => {
    expect(opAt('HEAD', '/productOrder')).toBe('listProductOrder');
    expect(opAt('HEAD', '/productOrder/x')).toBe('retrieveProductOrder');
    expect(opAt('PUT', '/productOrder/x')).toBeUndefined();
    expect(opAt('OPTIONS', '/productOrder')).toBeUndefined();
    expect(opAt('DELETE', '/hub/x')).toBe('unregisterListener');
  });

  test('{id} is percent-decoded only when it holds a %', () => {
    expect(table.match('GET', '/productOrder/a%2Fb%20c')?.params).toEqual({ id: 'a/b c' });
    expect(table.match('GET', '/productOrder/a+b')?.params).toEqual({ id: 'a+b' });
  });

  test("broken percent-encoding is the router's 404, whatever the method", () => {
    for (const method of ['GET', 'DELETE', 'PUT']) {
      let thrown: unknown;
      try {
        table.match(method, '/hub/%E0%A4%A');
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(HttpError);
      expect((thrown as HttpError).status).toBe(404);
      expect((thrown as HttpError).body).toEqual({
        code: 'notFound',
        reason: "Failed to decode param '%E0%A4%A'",
      });
    }
  });
});
