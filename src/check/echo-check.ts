import type { Finding } from '../results';
import type { ExchangeCheck, ExchangeContext } from './check-types';
import { finding } from './check-types';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Finds where `sent` is not contained unchanged in `got`. Objects: every key sent is echoed. Arrays of
 * objects with `id` are matched by id (the Seller may reorder); other arrays: each element sent must be
 * in the answer (the Seller may append contacts and notes, [R17]).
 */
export function echoDifferences(
  sent: unknown,
  got: unknown,
  pointer = '',
): { pointer: string; sent: unknown; got: unknown }[] {
  if (isObject(sent)) {
    if (!isObject(got)) return [{ pointer, sent, got }];
    return Object.entries(sent).flatMap(([k, v]) =>
      echoDifferences(v, got[k], `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    );
  }
  if (Array.isArray(sent)) {
    if (!Array.isArray(got)) return [{ pointer, sent, got }];
    return sent.flatMap((element, i) => {
      if (isObject(element) && typeof element['id'] === 'string') {
        const j = got.findIndex((g) => isObject(g) && g['id'] === element['id']);
        return j < 0
          ? [{ pointer: `${pointer}/${i}`, sent: element, got: undefined }]
          : echoDifferences(element, got[j], `${pointer}/${j}`);
      }
      const text = JSON.stringify(element);
      const found = got.some((g) => JSON.stringify(g) === text || echoDifferences(element, g).length === 0);
      return found ? [] : [{ pointer: `${pointer}/${i}`, sent: element, got: undefined }];
    });
  }
  return sent === got ? [] : [{ pointer, sent, got }];
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
