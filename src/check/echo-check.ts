import type { Finding } from '../results';
import type { ExchangeCheck, ExchangeContext } from './check-types';
import { finding } from './check-types';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Difference = { pointer: string; sent: unknown; got: unknown };

/** A JSON Pointer reference token (RFC 6901), escaped only when it has to be. */
function token(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

/**
 * Finds where `sent` is not contained unchanged in `got`. Objects: every key sent is echoed. Arrays of
 * objects with `id` are matched by id (the Seller may reorder); other arrays: each element sent must be
 * in the answer (the Seller may append contacts and notes, [R17]).
 */
export function echoDifferences(sent: unknown, got: unknown, pointer = ''): Difference[] {
  const out: Difference[] = [];
  collect(sent, got, pointer, out);
  return out;
}

/**
 * The walk behind echoDifferences. Pointers are built only on the way to a difference's parent, and
 * equal leaves cost one comparison: an echoed order is mostly equal leaves.
 */
function collect(sent: unknown, got: unknown, pointer: string, out: Difference[]): void {
  if (isObject(sent)) {
    if (!isObject(got)) {
      out.push({ pointer, sent, got });
      return;
    }
    for (const key of Object.keys(sent)) {
      const value = sent[key];
      const answer = got[key];
      if (value !== answer) collect(value, answer, `${pointer}/${token(key)}`, out);
    }
    return;
  }
  if (Array.isArray(sent)) {
    if (!Array.isArray(got)) {
      out.push({ pointer, sent, got });
      return;
    }
    sent.forEach((element: unknown, i) => {
      if (isObject(element) && typeof element['id'] === 'string') {
        const j = got.findIndex((g) => isObject(g) && g['id'] === element['id']);
        if (j < 0) out.push({ pointer: `${pointer}/${i}`, sent: element, got: undefined });
        else collect(element, got[j], `${pointer}/${j}`, out);
        return;
      }
      if (!got.some((g) => echoDifferences(element, g).length === 0))
        out.push({ pointer: `${pointer}/${i}`, sent: element, got: undefined });
    });
    return;
  }
  if (sent !== got) out.push({ pointer, sent, got });
}

const ECHO_REQUIREMENTS: Readonly<Record<string, readonly string[]>> = {
  createProductOrder: ['R17'],
  createCancelProductOrder: ['R77'],
  createModifyProductOrderItemRequestedDeliveryDate: ['R67', 'R70'],
};

/** The Seller's answer to a create carries every attribute the Buyer sent, unchanged. */
export const echoCheck: ExchangeCheck = {
  name: 'echo',
  operations: Object.keys(ECHO_REQUIREMENTS),
  run(ctx: ExchangeContext): Finding[] {
    const status = ctx.exchange.response?.status;
    if (status !== 201 || !isObject(ctx.requestBody) || !isObject(ctx.json)) return [];
    const requirements = ECHO_REQUIREMENTS[ctx.exchange.operationId ?? ''] ?? [];
    return echoDifferences(ctx.requestBody, ctx.json)
      .slice(0, 20)
      .map((d) =>
        finding(
          ctx,
          'echo',
          'echo.changed',
          d.got === undefined
            ? `${d.pointer} was sent but not echoed`
            : `${d.pointer} was sent as ${JSON.stringify(d.sent)} but came back as ${JSON.stringify(d.got)}`,
          {
            pointer: d.pointer,
            expected: d.sent,
            actual: d.got,
            requirements,
          },
        ),
      );
  },
};
