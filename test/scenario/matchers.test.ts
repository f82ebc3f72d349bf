import { evaluateMatcher, evaluateMatcherAt, evaluateMatchers, type Matcher } from '../../src/scenario';

const vars = { orderId: 'PO-1', ids: ['1', '2'], min: 2 };
const ok = (actual: unknown, m: Matcher, coerce = false): boolean =>
  evaluateMatcher(actual as never, m, vars, { coerce }).ok;

describe('evaluateMatcher: operators', () => {
  test('equals: deep, key order ignored, strict types', () => {
    expect(ok({ a: 1, b: [1, { c: 2 }] }, { equals: { b: [1, { c: 2 }], a: 1 } })).toBe(true);
    expect(ok([1, 2], { equals: [2, 1] })).toBe(false);
    expect(ok('5', { equals: 5 })).toBe(false);
    expect(ok(undefined, { equals: null })).toBe(false);
    expect(ok('PO-1', { equals: '${orderId}' })).toBe(true);
  });

  test('header mode compares numbers and booleans with their string form', () => {
    expect(ok('5', { equals: 5 }, true)).toBe(true);
    expect(ok('true', { equals: true }, true)).toBe(true);
    expect(ok('5', { oneOf: [4, 5] }, true)).toBe(true);
    expect(ok('x', { equals: 5 }, true)).toBe(false);
  });

  test('oneOf, exists', () => {
    expect(ok('held', { oneOf: ['inProgress', 'held'] })).toBe(true);
    expect(ok('failed', { oneOf: ['inProgress', 'held'] })).toBe(false);
    expect(ok(null, { exists: true })).toBe(true);
    expect(ok(undefined, { exists: true })).toBe(false);
    expect(ok(undefined, { exists: false })).toBe(true);
  });

  test('matches: unanchored, strings only', () => {
    expect(ok('PO-123', { matches: '^PO-\\d+$' })).toBe(true);
    expect(ok('xPO-1', { matches: 'PO-' })).toBe(true);
    expect(ok(123, { matches: '\\d+' })).toBe(false);
  });

  test('contains: substring, array element (objects by subset), object subset', () => {
    expect(ok('urn:mef:lso:spec', { contains: ':lso:' })).toBe(true);
    expect(ok(['a', 'b'], { contains: 'b' })).toBe(true);
    expect(ok([{ id: '1', state: 'x' }], { contains: { id: '1' } })).toBe(true);
    expect(ok([{ id: '1' }], { contains: { id: '2' } })).toBe(false);
    expect(ok({ a: 1, b: { c: 2, d: 3 } }, { contains: { b: { c: 2 } } })).toBe(true);
    expect(ok(5, { contains: 5 })).toBe(false);
  });

  test('length of strings and arrays, as a number or a matcher', () => {
    expect(ok([1, 2], { length: { equals: 2 } })).toBe(true);
    expect(ok('abc', { length: { gte: 3 } })).toBe(true);
    expect(ok({}, { length: { equals: 0 } })).toBe(false);
  });

  test('order: numbers, numeric strings, ISO dates, variables', () => {
    expect(ok(5, { gt: 4, lte: 5 })).toBe(true);
    expect(ok(5, { lt: 5 })).toBe(false);
    expect(ok('12', { gte: 10 })).toBe(true);
    expect(ok(3, { gte: '${min}' })).toBe(true);
    expect(ok('2025-01-02T00:00:00Z', { gt: '2025-01-01T23:59:59.999Z' })).toBe(true);
    expect(ok('2025-01-02T01:00:00+02:00', { lt: '2025-01-02T00:00:00Z' })).toBe(true);
    expect(ok('2025-01-02', { lte: '2025-01-02T00:00:00Z' })).toBe(true);
    expect(ok('soon', { lt: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(ok(null, { gt: 0 })).toBe(false);
  });

  test('same: equal to a variable, keeping its type', () => {
    expect(ok('PO-1', { same: '${orderId}' })).toBe(true);
    expect(ok(['1', '2'], { same: '${ids}' })).toBe(true);
    expect(ok('PO-2', { same: '${orderId}' })).toBe(false);
  });

  test('type', () => {
    expect(ok(1, { type: 'integer' })).toBe(true);
    expect(ok(1.5, { type: 'integer' })).toBe(false);
    expect(ok(1.5, { type: 'number' })).toBe(true);
    expect(ok([], { type: 'array' })).toBe(true);
    expect(ok({}, { type: 'object' })).toBe(true);
    expect(ok(null, { type: 'null' })).toBe(true);
    expect(ok(undefined, { type: 'null' })).toBe(false);
  });

  test('not, all, any, none', () => {
    expect(ok('failed', { not: { equals: 'completed' } })).toBe(true);
    expect(ok(undefined, { not: { exists: true } })).toBe(true);
    expect(ok([1, 2], { all: { gt: 0 } })).toBe(true);
    expect(ok([], { all: { gt: 0 } })).toBe(true);
    expect(ok([1, -2], { any: { lt: 0 } })).toBe(true);
    expect(ok([1, 2], { none: { lt: 0 } })).toBe(true);
    expect(ok('x', { any: { equals: 'x' } })).toBe(false);
  });

  test('several operators must all hold', () => {
    expect(ok('PO-1', { exists: true, type: 'string', matches: '^PO' })).toBe(true);
    expect(ok(7, { gte: 1, lte: 5 })).toBe(false);
  });
});

describe('evaluateMatcher: results are data', () => {
  test('a failure says what was expected and what was found', () => {
    expect(evaluateMatcher('inProgress', { equals: 'completed' }, vars)).toEqual({
      ok: false,
      message: 'expected "completed", got "inProgress"',
      actual: 'inProgress',
    });
    expect(evaluateMatcher(7, { gte: 1, lte: 5 }, vars).message).toBe('expected ≤ 5, got 7');
    expect(evaluateMatcher(undefined, { exists: true }, vars).message).toBe(
      'expected present, got (missing)',
    );
  });

  test('success carries a message too', () => {
    expect(evaluateMatcher('PO-1', { same: '${orderId}' }, vars)).toMatchObject({
      ok: true,
      message: '"PO-1" (expected the same as ${orderId} ("PO-1"))',
    });
  });

  test('a template that cannot be rendered errors (the scenario is at fault, not the target)', () => {
    expect(evaluateMatcher('x', { equals: '${unset}' }, vars)).toMatchObject({ ok: false, errored: true });
  });
});

describe('evaluateMatcherAt: paths and [*]', () => {
  const order = {
    id: 'PO-1',
    productOrderItem: [
      { id: '1', state: 'completed' },
      { id: '2', state: 'inProgress' },
    ],
  };
  const at = (path: string, m: Matcher) => evaluateMatcherAt(order, path, m, vars);

  test('a definite path', () => {
    expect(at('$.id', { same: '${orderId}' }).ok).toBe(true);
    expect(at('productOrderItem[1].state', { equals: 'completed' })).toMatchObject({
      ok: false,
      path: 'productOrderItem[1].state',
      message: 'productOrderItem[1].state: expected "completed", got "inProgress"',
    });
    expect(at('productOrderItem[2]', { exists: false }).ok).toBe(true);
  });

  test('element operators must hold for every selected value', () => {
    expect(at('productOrderItem[*].id', { matches: '^\\d$' }).ok).toBe(true);
    expect(at('productOrderItem[*].state', { equals: 'completed' })).toMatchObject({
      ok: false,
      message: 'productOrderItem[*].state: value 2 of 2: expected "completed", got "inProgress"',
    });
    expect(at('productOrderItem[*].state', { not: { equals: 'failed' } }).ok).toBe(true);
  });

  test('…and at least one value must be selected', () => {
    expect(at('productOrderItem[*].nope', { equals: 'x' })).toMatchObject({
      ok: false,
      message: 'productOrderItem[*].nope: selected nothing, expected each value "x"',
    });
  });

  test('collection operators judge the list of selected values', () => {
    expect(at('productOrderItem[*].state', { contains: 'completed' }).ok).toBe(true);
    expect(at('productOrderItem[*].state', { any: { equals: 'inProgress' } }).ok).toBe(true);
    expect(at('productOrderItem[*].state', { none: { equals: 'failed' } }).ok).toBe(true);
    expect(at('productOrderItem[*]', { length: { equals: 2 } }).ok).toBe(true);
    expect(at('productOrderItem[*].id', { equals: ['1', '2'] }).ok).toBe(true);
    expect(at('productOrderItem[*].id', { same: '${ids}' }).ok).toBe(true);
    expect(at('productOrderItem[*].nope', { exists: false }).ok).toBe(true);
    expect(at('productOrderItem[*].id', { exists: true }).ok).toBe(true);
  });

  test('a bad path errors', () => {
    expect(at('a..b', { exists: true })).toMatchObject({ ok: false, errored: true });
  });

  test('evaluateMatchers gives one result per entry', () => {
    const location = { file: 'f', line: 1, column: 1 };
    const results = evaluateMatchers(
      order,
      [
        { path: 'id', matcher: { equals: 'PO-1' }, location },
        { path: 'productOrderItem[0].state', matcher: { equals: 'failed' }, location },
      ],
      vars,
    );
    expect(results.map((r) => r.ok)).toEqual([true, false]);
  });
});
