import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations';
import { validateOutput } from '@stoplight/prism-http/dist/validator';
import * as prismParams from '@stoplight/prism-http/dist/validator/validators/params';
import * as prismSchema from '@stoplight/prism-http/dist/validator/validators/utils';
import type { IHttpOperation } from '@stoplight/types';
import { loadApiSpec, type ApiVersionId, type HttpViolation } from '../../src/spec';
import { startTestSeller } from '../emulators/seller/support/seller';

/** What prism-http's own validateOutput says, on its own (unshared, undecorated) operations, flattened as ours. */
function prismSays(op: IHttpOperation, status: number, headers: Record<string, string>, body: unknown) {
  const result = validateOutput({ resource: op, element: { statusCode: status, headers, body } });
  return result._tag === 'Left'
    ? result.left.map((d): HttpViolation => ({
        location: (d.path ?? []).join('.'),
        code: String(d.code ?? 'http'),
        message: d.message,
        severity: d.severity,
      }))
    : [];
}

const BODIES: unknown[] = [
  undefined,
  {},
  [],
  [{}],
  { id: 'PO-1', state: 'acknowledged', orderDate: 'yesterday', productOrderItem: [{}] },
  { id: 7, callback: 'http://x', query: 'eventType=x', code: 'notFound', message: 'no' },
];
/** Documented pagination headers wrong, right, absent, next to undocumented ones. */
const HEADER_SETS: Record<string, string>[] = [
  { 'x-total-count': 'many', 'x-result-count': '1' },
  {
    'x-total-count': '3',
    'x-result-count': '3',
    'x-pagination-throttled': 'maybe',
    etag: '"x"',
    date: 'now',
  },
  { 'x-pagination-throttled': 'false', 'x-unknown': 'y' },
  {},
];
const TYPES = [
  undefined,
  'application/json;charset=utf-8',
  'application/json',
  'text/plain',
  'application/problem+json',
];

describe.each<ApiVersionId>(['sonata-v11'])('response validation (%s)', (api) => {
  it('says exactly what prism-http validateOutput says, status, media type, headers and body alike', async () => {
    const spec = await loadApiSpec(api);
    const own = await getHttpOperationsFromSpec(structuredClone(spec.management.source.doc));
    let compared = 0;
    for (const op of own) {
      const id = op.iid ?? op.id;
      const statuses = [...op.responses.map((r) => Number(r.code)).filter(Number.isFinite), 599];
      for (const status of statuses) {
        for (const type of TYPES) {
          for (const set of HEADER_SETS) {
            const headers: Record<string, string> = { ...set };
            if (type) headers['content-type'] = type;
            for (const body of BODIES) {
              expect(spec.management.http.validateResponse(id, { status, headers, body })).toEqual(
                prismSays(op, status, headers, body),
              );
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(6000);
  });
});

type Json = Record<string, unknown>;

/** Copies of a valid answer with one thing wrong each (the near misses a fast path could wave through). */
function nearMisses(valid: Json): unknown[] {
  const item = (valid['productOrderItem'] as Json[] | undefined)?.[0];
  const withItem = (patch: Json): Json => ({
    ...valid,
    productOrderItem: [{ ...item, ...patch }, ...((valid['productOrderItem'] as Json[]).slice(1) ?? [])],
  });
  const { id: _id, ...noId } = valid;
  return [
    noId,
    { ...valid, id: 7 },
    { ...valid, state: 'nearlyDone' },
    { ...valid, orderDate: '2026-13-01T00:00:00Z' },
    { ...valid, orderDate: '2026-02-30T10:00:00Z' },
    { ...valid, requestedCompletionDate: 'soon' },
    { ...valid, relatedContactInformation: 'nobody' },
    ...(item
      ? [withItem({ state: 'sideways' }), withItem({ quantity: 'two' }), withItem({ action: 'replace' })]
      : []),
  ];
}

describe('response validation: the fast path on real Seller answers', () => {
  it('agrees with prism-http on valid answers and near misses, and skips prism-http only for valid ones', async () => {
    const seller = await startTestSeller();
    try {
      const { spec } = seller;
      const own = new Map(
        (await getHttpOperationsFromSpec(structuredClone(spec.management.source.doc))).map((op) => [
          op.iid ?? op.id,
          op,
        ]),
      );
      const created = await seller.createOrder({ externalId: 'FAST-1', items: 2 });
      const id = String(created['id']);
      const retrieved = await seller.call('retrieveProductOrder', { params: { id } });
      const listed = await seller.call('listProductOrder', { query: { externalId: 'FAST-1' } });
      const lower = (h: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const listHeaders = lower(listed.headers);
      const cases: { op: string; status: number; headers: Record<string, string>; bodies: unknown[] }[] = [
        {
          op: 'createProductOrder',
          status: 201,
          headers: { 'content-type': 'application/json;charset=utf-8' },
          bodies: [created, ...nearMisses(created)],
        },
        {
          op: 'retrieveProductOrder',
          status: 200,
          headers: lower(retrieved.headers),
          bodies: [retrieved.body, ...nearMisses(retrieved.body as Json)],
        },
        {
          op: 'listProductOrder',
          status: 200,
          headers: listHeaders,
          bodies: [listed.body, [{ ...(listed.body as Json[])[0], state: 42 }], [{}]],
        },
      ];
      const headerVariants = (h: Record<string, string>): Record<string, string>[] => [
        h,
        { ...h, 'x-total-count': 'lots' },
        { ...h, 'x-result-count': '-1.5' },
        { ...h, 'x-pagination-throttled': 'perhaps' },
        { ...h, 'x-total-count': '' },
        { 'content-type': h['content-type'] ?? 'application/json' },
      ];
      const bodySpy = jest.spyOn(prismSchema, 'validateAgainstSchema');
      const headerSpy = jest.spyOn(prismParams, 'validateParams');
      let validSkipped = 0;
      let worded = 0;
      let compared = 0;
      for (const c of cases) {
        for (const headers of headerVariants(c.headers)) {
          c.bodies.forEach((body) => {
            bodySpy.mockClear();
            headerSpy.mockClear();
            const ours = spec.management.http.validateResponse(c.op, { status: c.status, headers, body });
            const prismCalls = bodySpy.mock.calls.length + headerSpy.mock.calls.length;
            const theirs = prismSays(own.get(c.op)!, c.status, headers, body);
            expect({ op: c.op, headers, body, says: ours }).toEqual({
              op: c.op,
              headers,
              body,
              says: theirs,
            });
            compared++;
            if (theirs.length === 0) {
              // A valid answer never reaches prism-http: that is the point of the fast path.
              expect(prismCalls).toBe(0);
              validSkipped++;
            } else if (theirs.some((d) => /^(body|header)/.test(d.location))) {
              // A finding about the body or headers is prism-http's, worded by it.
              expect(prismCalls).toBeGreaterThan(0);
              worded++;
            }
          });
        }
      }
      bodySpy.mockRestore();
      headerSpy.mockRestore();
      expect(validSkipped).toBeGreaterThanOrEqual(4);
      expect(worded).toBeGreaterThan(40);
      expect(compared).toBeGreaterThan(80);
    } finally {
      await seller.close();
    }
  });
});
