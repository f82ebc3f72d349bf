import {
  parseTemplate,
  renderString,
  renderTemplate,
  type JsonValue,
  type TemplateEnv,
  type Variables,
} from '../../src/scenario';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const env: TemplateEnv = { now: () => NOW, uuid: () => 'u-1', runId: 'run-7', scenarioId: 'PO-1' };
const vars: Variables = {
  orderId: 'PO-123',
  count: 3,
  flag: true,
  order: { id: 'PO-123', productOrderItem: [{ id: '1', state: 'acknowledged' }, { id: '2' }] },
  nothing: null,
};

describe('renderString', () => {
  test('substitutes variables inside text', () => {
    expect(renderString('order ${orderId} has ${count} items: ${flag}', vars, env)).toEqual({
      ok: true,
      value: 'order PO-123 has 3 items: true',
    });
  });

  test('a string that is exactly one expression keeps the JSON type', () => {
    expect(renderString('${count}', vars, env)).toEqual({ ok: true, value: 3 });
    expect(renderString('${order.productOrderItem[0]}', vars, env)).toEqual({
      ok: true,
      value: { id: '1', state: 'acknowledged' },
    });
    expect(renderString('${ orderId }', vars, env)).toEqual({ ok: true, value: 'PO-123' });
  });

  test('paths into variables, including the last element and wildcards', () => {
    expect(renderString('${order.productOrderItem[-1].id}', vars, env)).toEqual({ ok: true, value: '2' });
    expect(renderString("${order['productOrderItem'][1].id}", vars, env)).toEqual({ ok: true, value: '2' });
    expect(renderString('${order.productOrderItem[*].id}', vars, env)).toEqual({
      ok: true,
      value: ['1', '2'],
    });
  });

  test('built-ins: now with ISO and compact offsets, today, uuid, runId, scenarioId', () => {
    expect(renderString('${now}', {}, env)).toEqual({ ok: true, value: '2025-03-01T12:00:00.000Z' });
    expect(renderString('${now+P30D}', {}, env)).toEqual({ ok: true, value: '2025-03-31T12:00:00.000Z' });
    expect(renderString('${now - PT1H30M}', {}, env)).toEqual({
      ok: true,
      value: '2025-03-01T10:30:00.000Z',
    });
    expect(renderString('${now+2h}', {}, env)).toEqual({ ok: true, value: '2025-03-01T14:00:00.000Z' });
    expect(renderString('${today+P1D}', {}, env)).toEqual({ ok: true, value: '2025-03-02' });
    expect(renderString('${uuid}/${runId}/${scenarioId}', {}, env)).toEqual({
      ok: true,
      value: 'u-1/run-7/PO-1',
    });
  });

  test('$${ is a literal ${ and lone $ or } are text', () => {
    expect(renderString('cost $5 {x} $${orderId}', vars, env)).toEqual({
      ok: true,
      value: 'cost $5 {x} ${orderId}',
    });
  });

  test('errors are data with codes', () => {
    const code = (text: string, e: TemplateEnv = env): string[] => {
      const r = renderString(text, vars, e);
      return r.ok ? [] : r.errors.map((x) => x.code);
    };
    expect(code('${missing}')).toEqual(['template.undefinedVariable']);
    expect(code('${order.nope}')).toEqual(['template.missingPath']);
    expect(code('x ${order} y')).toEqual(['template.notScalar']);
    expect(code('x ${nothing} y')).toEqual(['template.notScalar']);
    expect(code('${runId}', {})).toEqual(['template.unavailable']);
    expect(code('${orderId')).toEqual(['template.syntax']);
    expect(code('${now+P1M}')).toEqual(['template.syntax']);
    expect(code('${1abc}')).toEqual(['template.syntax']);
    expect(code('${a b}')).toEqual(['template.syntax']);
    expect(code('${}')).toEqual(['template.syntax']);
    expect(code('${a}${b}')).toEqual(['template.undefinedVariable', 'template.undefinedVariable']);
  });

  test('never evaluates code', () => {
    expect(renderString('${process.exit(1)}', vars, env).ok).toBe(false);
    expect(renderString('${constructor}', vars, env).ok).toBe(false);
    expect(renderString('${order.constructor}', vars, env)).toMatchObject({ ok: false });
  });

  test('defaults: Date.now and random UUIDs', () => {
    const r = renderString('${uuid}', {});
    expect(r.ok && r.value).toMatch(/^[0-9a-f-]{36}$/);
    const n = renderString('${now}', {});
    expect(n.ok && Math.abs(Date.parse(n.value as string) - Date.now())).toBeLessThan(5000);
  });
});

describe('renderTemplate', () => {
  test('renders every string of a JSON value, never the keys', () => {
    const value = { '${orderId}': ['${orderId}', { n: '${count}', keep: 1, no: null }] };
    expect(renderTemplate(value, vars, env)).toEqual({
      ok: true,
      value: { '${orderId}': ['PO-123', { n: 3, keep: 1, no: null }] },
    });
  });

  test('an own __proto__ key stays a key, rendered like any other', () => {
    const value = JSON.parse('{"__proto__": {"x": "${orderId}"}, "a": "${orderId}"}') as JsonValue;
    const r = renderTemplate(value, vars, env);
    expect(r.ok && JSON.stringify(r.value)).toBe('{"__proto__":{"x":"PO-123"},"a":"PO-123"}');
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });

  test('the same template string renders anew each time (parsed once, values read live)', () => {
    const live: Record<string, JsonValue> = { n: 1 };
    expect(renderTemplate('n=${n}', live, env)).toEqual({ ok: true, value: 'n=1' });
    live['n'] = 2;
    expect(renderTemplate('n=${n}', live, env)).toEqual({ ok: true, value: 'n=2' });
  });

  test('collects every error', () => {
    const r = renderTemplate({ a: '${x}', b: ['${y}'] }, vars, env);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['${x}: x is not set', '${y}: y is not set']);
  });
});

describe('parseTemplate', () => {
  test('splits text and expressions', () => {
    const r = parseTemplate('a${b.c}d${now+1d}');
    expect(r.ok && r.parts.map((p) => p.kind)).toEqual(['text', 'var', 'text', 'builtin']);
    expect(r.ok && r.parts[3]).toMatchObject({ name: 'now', offsetMs: 86_400_000 });
  });
});
