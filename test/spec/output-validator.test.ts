import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations';
import { validateOutput } from '@stoplight/prism-http/dist/validator';
import type { IHttpOperation } from '@stoplight/types';
import { loadApiSpec, type ApiVersionId, type HttpViolation } from '../../src/spec';

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
