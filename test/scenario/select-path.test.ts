import { parsePath, selectOne, selectPath, type JsonValue } from '../../src/scenario';

const order: JsonValue = {
  id: 'PO-1',
  'x.y': 'dotted',
  productOrderItem: [
    { id: '1', state: 'completed', '@type': 'a' },
    { id: '2', state: 'inProgress', milestone: [{ name: 'm1' }] },
  ],
};

describe('selectPath', () => {
  test.each([
    ['id', ['PO-1']],
    ['$.id', ['PO-1']],
    ['$', [order]],
    ['productOrderItem[0].state', ['completed']],
    ['productOrderItem[-1].id', ['2']],
    ['productOrderItem[0].@type', ['a']],
    ["['x.y']", ['dotted']],
    ['$["x.y"]', ['dotted']],
    ['productOrderItem[5].id', []],
    ['nope', []],
    ['id.length', []],
    ['productOrderItem.id', []],
  ])('%s', (path, values) => {
    expect(selectPath(order, path)).toEqual({ ok: true, wildcard: false, values });
  });

  test('[*] selects every value it reaches, skipping missing ones', () => {
    expect(selectPath(order, 'productOrderItem[*].state')).toEqual({
      ok: true,
      wildcard: true,
      values: ['completed', 'inProgress'],
    });
    expect(selectPath(order, 'productOrderItem[*].milestone[*].name')).toMatchObject({ values: ['m1'] });
    expect(selectPath([[1, 2], [3]], '[*][*]')).toMatchObject({ values: [1, 2, 3] });
    expect(selectPath(order, 'id[*]')).toMatchObject({ wildcard: true, values: [] });
  });

  test('does not reach inherited properties', () => {
    expect(selectPath(order, 'constructor').ok && selectPath(order, 'constructor')).toMatchObject({
      values: [],
    });
    expect(selectPath(order, '__proto__')).toMatchObject({ values: [] });
  });

  test('undefined selects nothing; null is a value', () => {
    expect(selectPath(undefined, '$')).toMatchObject({ values: [] });
    expect(selectPath({ a: null }, 'a')).toMatchObject({ values: [null] });
  });

  test.each(['', 'a..b', 'a.', 'a[', 'a[x]', 'a b', '$id', 'a.*', '[1', "['a]"])('bad path %j', (path) => {
    const r = selectPath(order, path);
    expect(r.ok).toBe(false);
    expect(parsePath(path).ok).toBe(false);
  });

  test('selectOne', () => {
    expect(selectOne(order, 'productOrderItem[1].id')).toBe('2');
    expect(selectOne(order, 'productOrderItem[*].id')).toBeUndefined();
    expect(selectOne(order, 'a..b')).toBeUndefined();
  });
});
