import { errorCodesOf, evaluateExpectation, type Expectation } from '../../src/scenario';

const location = { file: 'x.yaml', line: 1, column: 1 };
const base: Expectation = { status: [200], schema: true, body: [], headers: [], echo: false };

describe('evaluateExpectation', () => {
  test('status, body and headers (case-insensitive, string values)', () => {
    const results = evaluateExpectation(
      {
        status: 200,
        headers: { 'x-total-count': '3', 'X-Pagination-Throttled': 'false' },
        body: [{ id: 'a' }],
      },
      {
        ...base,
        body: [{ path: '[0].id', matcher: { equals: 'a' }, location }],
        headers: [
          { path: 'X-Total-Count', matcher: { gte: 1 }, location },
          { path: 'x-pagination-throttled', matcher: { equals: false }, location },
          { path: 'X-Result-Count', matcher: { exists: false }, location },
        ],
        count: { equals: 1 },
      },
      {},
    );
    expect(results.map((r) => [r.check, r.ok])).toEqual([
      ['status', true],
      ['body', true],
      ['header', true],
      ['header', true],
      ['header', true],
      ['count', true],
    ]);
  });

  test('a wrong status and a missing list', () => {
    const results = evaluateExpectation(
      { status: 500, headers: {}, body: { code: 'internalError' } },
      { ...base, status: [200, 201], count: { equals: 0 } },
      {},
    );
    expect(results.map((r) => r.message)).toEqual([
      'status 500, expected 200 or 201',
      'count: expected a list, got {"code":"internalError"}',
    ]);
  });

  test('errorCode: the object’s code, or any element’s for a 422 array', () => {
    const expectCode = (body: unknown, codes: string[]) =>
      evaluateExpectation(
        { status: 422, headers: {}, body: body as never },
        { ...base, status: [422], errorCode: codes },
        {},
      )[1];
    expect(expectCode({ code: 'notFound', reason: 'x' }, ['notFound'])?.ok).toBe(true);
    expect(expectCode([{ code: 'invalidValue' }, { code: 'missingProperty' }], ['missingProperty'])?.ok).toBe(
      true,
    );
    expect(expectCode([{ code: 'invalidValue' }], ['missingProperty', 'otherIssue'])).toMatchObject({
      ok: false,
      message: 'expected error code missingProperty or otherIssue, got invalidValue',
    });
    expect(expectCode(undefined, ['notFound'])?.message).toBe('expected error code notFound, got none');
  });

  test('errorCodesOf', () => {
    expect(errorCodesOf([{ code: 'a' }, { nope: 1 }, { code: 'b' }])).toEqual(['a', 'b']);
    expect(errorCodesOf('text')).toEqual([]);
  });
});
