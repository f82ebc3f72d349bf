import {
  applyMergePatch,
  describeStep,
  buildRequestBody,
  canonicalEventType,
  hubQueryEventTypes,
  removePath,
  setPath,
  wireEventType,
  wireHubQuery,
} from '../../src/scenario';

describe('request bodies', () => {
  const content = {
    externalId: 'a',
    note: [1],
    productOrderItem: [
      { id: '1', x: 1 },
      { id: '2', x: 2 },
    ],
  };

  test('applyMergePatch follows RFC 7386', () => {
    expect(applyMergePatch(content, { externalId: null, projectId: 'p', note: [2] })).toEqual({
      note: [2],
      productOrderItem: content.productOrderItem,
      projectId: 'p',
    });
    expect(applyMergePatch({ a: { b: 1, c: 2 } }, { a: { c: null, d: 3 } })).toEqual({ a: { b: 1, d: 3 } });
    expect(applyMergePatch({ a: 1 }, ['x'])).toEqual(['x']);
  });

  test('setPath creates what is missing and [*] sets every element', () => {
    expect(setPath(content, 'productOrderItem[*].x', 0)).toMatchObject({
      productOrderItem: [{ x: 0 }, { x: 0 }],
    });
    expect(setPath({}, 'a.b[1].c', 'v')).toEqual({ a: { b: [null, { c: 'v' }] } });
    expect(setPath(content, 'productOrderItem[-1].id', '9')).toMatchObject({
      productOrderItem: [{ id: '1' }, { id: '9' }],
    });
    expect(content.productOrderItem[1]?.id).toBe('2');
  });

  test('removePath removes keys and splices elements', () => {
    expect(removePath(content, 'productOrderItem[0]')).toMatchObject({ productOrderItem: [{ id: '2' }] });
    expect(removePath(content, 'productOrderItem[*].x')).toMatchObject({
      productOrderItem: [{ id: '1' }, { id: '2' }],
    });
    expect(removePath(content, 'nope.deeper')).toEqual(content);
  });

  test('buildRequestBody: fixture, then merge, set, remove, then templates', () => {
    const r = buildRequestBody(
      {
        kind: 'fixture',
        fixture: 'o.json',
        file: '/x/o.json',
        content: { ...content, externalId: 'ext-${runId}' },
        merge: { projectId: '${orderId}' },
        set: [{ path: 'productOrderItem[0].requestedCompletionDate', value: '${now+P1D}' }],
        remove: ['note'],
      },
      { orderId: 'PO-1' },
      { runId: 'r1', now: () => Date.parse('2025-01-01T00:00:00Z') },
    );
    expect(r).toEqual({
      ok: true,
      value: {
        externalId: 'ext-r1',
        projectId: 'PO-1',
        productOrderItem: [
          { id: '1', x: 1, requestedCompletionDate: '2025-01-02T00:00:00.000Z' },
          { id: '2', x: 2 },
        ],
      },
    });
    expect(buildRequestBody({ kind: 'inline', value: { a: '${b}' } }, {}).ok).toBe(false);
  });
});

describe('event type names across versions', () => {
  test('scenarios use the v11 spelling; v10 gets its own on the wire', () => {
    const v11 = 'productOrderItemExpectedCompletionDateSetEvent';
    expect(canonicalEventType('productOrderItemExpectedCompletionDateSet')).toBe(v11);
    expect(wireEventType(v11, 'sonata-v10')).toBe('productOrderItemExpectedCompletionDateSet');
    expect(wireEventType(v11, 'cantata-v5')).toBe('productOrderItemExpectedCompletionDateSet');
    expect(wireEventType(v11, 'sonata-v11')).toBe(v11);
    expect(wireEventType('productOrderStateChangeEvent', 'sonata-v10')).toBe('productOrderStateChangeEvent');
  });

  test('hub queries', () => {
    const q = 'eventType=productOrderStateChangeEvent,productOrderItemExpectedCompletionDateSetEvent&x=1';
    expect(hubQueryEventTypes(q)).toEqual([
      'productOrderStateChangeEvent',
      'productOrderItemExpectedCompletionDateSetEvent',
    ]);
    expect(hubQueryEventTypes('eventType=a&eventType=b')).toEqual(['a', 'b']);
    expect(wireHubQuery(q, 'sonata-v10')).toBe(
      'eventType=productOrderStateChangeEvent,productOrderItemExpectedCompletionDateSet&x=1',
    );
    expect(wireHubQuery(q, 'sonata-v11')).toBe(q);
  });
});

describe('describeStep', () => {
  const base = {
    index: 0,
    requirements: [],
    optional: false,
    continueOnFailure: false,
    location: { file: 'f', line: 1, column: 1 },
  };
  test('the name, else what the step does', () => {
    expect(describeStep({ ...base, kind: 'sleep', durationMs: 5, name: 'wait a bit' })).toBe('wait a bit');
    expect(describeStep({ ...base, kind: 'sleep', durationMs: 5 })).toBe('sleep 5ms');
    expect(
      describeStep({
        ...base,
        kind: 'await-notification',
        types: ['a', 'b'],
        where: [],
        withinMs: 1,
        count: 2,
        save: [],
      }),
    ).toBe('await 2 × a or b');
    expect(describeStep({ ...base, kind: 'expect-no-notification', types: [], where: [], withinMs: 1 })).toBe(
      'expect no notification',
    );
  });
});
