import { echoDifferences, runExchangeChecks, type ExchangeContext } from '../../src/check';
import type { Exchange } from '../../src/results';
import { loadApiSpec, type ApiSpec } from '../../src/spec';

let spec: ApiSpec;
beforeAll(async () => {
  spec = await loadApiSpec('sonata-v11');
});

const JSON_TYPE = 'application/json;charset=utf-8';

function exchange(
  operationId: string,
  url: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Exchange {
  return {
    id: 'ex-1',
    kind: 'request',
    operationId,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    request: { method: 'GET', url, headers: {} },
    response: {
      status,
      headers: { 'content-type': JSON_TYPE, ...headers },
      body: body === undefined ? '' : JSON.stringify(body),
    },
  };
}

function ctx(e: Exchange, json: unknown, requestBody?: unknown): ExchangeContext {
  return { spec, exchange: e, json, requestBody, requirements: [] };
}

const codes = (c: ExchangeContext) => runExchangeChecks(c).map((f) => f.code);

const order = (over: Record<string, unknown> = {}) => ({
  id: 'o1',
  orderDate: '2026-01-01T00:00:00.000Z',
  state: 'acknowledged',
  stateChange: [{ state: 'acknowledged', changeDate: '2026-01-01T00:00:00.000Z' }],
  relatedContactInformation: [{ name: 'a', emailAddress: 'a@b', number: '1', role: 'sellerContact' }],
  productOrderItem: [
    {
      id: '1',
      action: 'add',
      requestedCompletionDate: '2026-02-01T00:00:00.000Z',
      product: {},
      state: 'acknowledged',
      stateChange: [{ state: 'acknowledged', changeDate: '2026-01-01T00:00:00.000Z' }],
    },
  ],
  ...over,
});

describe('per-exchange checks', () => {
  const url = 'http://s/mefApi/sonata/productOrderingManagement/v11/productOrder/o1';

  test('a conformant retrieve yields no finding', () => {
    const body = order();
    expect(codes(ctx(exchange('retrieveProductOrder', url, 200, body), body))).toEqual([]);
  });

  test('an undocumented status, a non-JSON type and a schema violation are each reported', () => {
    expect(codes(ctx(exchange('retrieveProductOrder', url, 418, {}), {}))).toContain('status.undocumented');
    const e = exchange('retrieveProductOrder', url, 200, order(), { 'content-type': 'text/html' });
    expect(codes(ctx(e, order()))).toContain('contentType.notJson');
    const bad = order({ state: 'bogus' });
    expect(
      codes(ctx(exchange('retrieveProductOrder', url, 200, bad), bad)).some((c) => c.startsWith('schema.')),
    ).toBe(true);
  });

  test('an id other than the one asked for breaks R19', () => {
    const body = order({ id: 'other' });
    const found = runExchangeChecks(ctx(exchange('retrieveProductOrder', url, 200, body), body));
    expect(found.find((f) => f.code === 'id.changed')?.requirements).toContain('R19');
  });

  test('attributes by state: inProgress without expectedCompletionDate (R29), completed without completionDate (R47)', () => {
    const inProgress = order({
      state: 'inProgress',
      stateChange: [
        { state: 'acknowledged', changeDate: '2026-01-01T00:00:00.000Z' },
        { state: 'inProgress', changeDate: '2026-01-01T01:00:00.000Z' },
      ],
    });
    (inProgress.productOrderItem[0] as Record<string, unknown>)['state'] = 'inProgress';
    (inProgress.productOrderItem[0] as Record<string, unknown>)['stateChange'] = inProgress.stateChange;
    const found = runExchangeChecks(ctx(exchange('retrieveProductOrder', url, 200, inProgress), inProgress));
    expect(found.flatMap((f) => f.requirements)).toContain('R29');
    const completed = order({ state: 'completed' });
    const f2 = runExchangeChecks(ctx(exchange('retrieveProductOrder', url, 200, completed), completed));
    expect(f2.flatMap((f) => f.requirements)).toEqual(expect.arrayContaining(['R47', 'R20']));
  });

  test('pagination headers must agree with the page', () => {
    const list = [{ id: 'a', orderDate: '2026-01-01T00:00:00.000Z', state: 'completed' }];
    const e = exchange(
      'listProductOrder',
      'http://s/mefApi/sonata/productOrderingManagement/v11/productOrder?limit=5',
      200,
      list,
      {
        'x-result-count': '3',
        'x-total-count': '1',
      },
    );
    expect(codes(ctx(e, list))).toContain('pagination.resultCount');
  });

  test('a list that ignores its state filter is caught', () => {
    const list = [{ id: 'a', orderDate: '2026-01-01T00:00:00.000Z', state: 'completed' }];
    const e = exchange(
      'listProductOrder',
      'http://s/mefApi/sonata/productOrderingManagement/v11/productOrder?state=rejected',
      200,
      list,
      {
        'x-total-count': '1',
      },
    );
    expect(codes(ctx(e, list))).toContain('list.filterIgnored');
  });

  test('echo: every changed leaf of a nested order is named by its pointer, and only those', () => {
    const sent = {
      'a/b': { '~t': 1 },
      note: [{ text: 'n1' }, { text: 'n2' }],
      productOrderItem: [
        { id: '1', action: 'add', product: { place: [{ role: 'INSTALL', id: 'P' }] } },
        { id: '2', action: 'add', quantity: 2 },
      ],
    };
    const copy = (): typeof sent => JSON.parse(JSON.stringify(sent)) as typeof sent;
    expect(echoDifferences(sent, copy())).toEqual([]);
    const reordered = copy();
    reordered.productOrderItem.reverse();
    reordered.note.reverse();
    expect(echoDifferences(sent, reordered)).toEqual([]);
    const changed = copy();
    changed['a/b']['~t'] = 2;
    changed.productOrderItem[1]!.quantity = 3;
    changed.note[1]!.text = 'other';
    expect(echoDifferences(sent, changed)).toEqual([
      { pointer: '/a~1b/~0t', sent: 1, got: 2 },
      { pointer: '/note/1', sent: { text: 'n2' }, got: undefined },
      { pointer: '/productOrderItem/1/quantity', sent: 2, got: 3 },
    ]);
    const dropped = copy() as Partial<typeof sent>;
    delete dropped.note;
    expect(echoDifferences(sent, dropped)).toEqual([{ pointer: '/note', sent: sent.note, got: undefined }]);
  });

  test('echo: a Buyer attribute changed or dropped is reported, Seller additions are fine', () => {
    expect(
      echoDifferences(
        { a: 1, list: [{ id: 'x', v: 1 }] },
        { a: 1, b: 2, list: [{ id: 'y' }, { id: 'x', v: 1, s: 1 }] },
      ),
    ).toEqual([]);
    expect(echoDifferences({ a: 1 }, { a: 2 })).toEqual([{ pointer: '/a', sent: 1, got: 2 }]);
    const sent = {
      externalId: 'E1',
      relatedContactInformation: [{ role: 'productOrderContact', name: 'n' }],
    };
    const got = order({ externalId: 'E2' });
    const e = {
      ...exchange('createProductOrder', 'http://s/x/productOrder', 201, got),
      request: { method: 'POST', url: 'http://s/x/productOrder', headers: {} },
    };
    const found = runExchangeChecks(ctx(e, got, sent)).filter((f) => f.check === 'echo');
    expect(found.map((f) => f.pointer)).toEqual(
      expect.arrayContaining(['/externalId', '/relatedContactInformation/0']),
    );
    expect(found[0]?.requirements).toContain('R17');
  });
});
