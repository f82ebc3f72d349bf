/**
 * The steps of Buyer scenarios (role: buyer): `expect-buyer-request`, `expect-delivery`, `send-event`.
 * The harness plays the Seller there; these steps wait for the Buyer under test and judge its listener.
 */
import { checkEventTypes, checkOperation } from './check-spec-references';
import type { NormalizeContext } from './normalize-context';
import { toMatcherEntries } from './normalize-matchers';
import type { StepInput } from './normalize-request';
import { has, rawCount, rawJson, rawJsonObject, rawString } from './raw';
import type { ExpectBuyerRequestStep, ExpectDeliveryStep, SendEventSource, SendEventStep } from './types';

type BuyerKind = 'expect-buyer-request' | 'expect-delivery' | 'send-event';
type BuyerStep = ExpectBuyerRequestStep | ExpectDeliveryStep | SendEventStep;

/** What a listener answers to a well-formed event (the notification API documents 204 only). */
const LISTENER_SUCCESS = [204];
const SOURCES = ['event', 'replay', 'body', 'raw'] as const;

function sourceOf(ctx: NormalizeContext, input: StepInput): SendEventSource {
  const { block, path } = input;
  const given = SOURCES.filter((k) => has(block, k));
  if (given.length !== 1) {
    ctx.report(
      'scenario.schema',
      given.length > 1 ? [...path, given[1] ?? ''] : path,
      `send-event takes exactly one of ${SOURCES.join(', ')}; ${given.length ? `this one has ${given.join(' and ')}` : 'none is given'}`,
      given.length > 1 ? 'key' : 'value',
    );
  }
  if (has(block, 'contentType') && given[0] !== 'raw')
    ctx.report('scenario.schema', [...path, 'contentType'], 'contentType goes with raw only', 'key');
  switch (given[0]) {
    case 'replay':
      return { kind: 'replay', which: block['replay'] === 'first' ? 'first' : 'last' };
    case 'body': {
      const value = rawJson(block['body']) ?? null;
      ctx.templates([...path, 'body'], value);
      return { kind: 'body', value };
    }
    case 'raw': {
      const text = rawString(block['raw']) ?? '';
      ctx.templates([...path, 'raw'], text);
      const contentType = rawString(block['contentType']);
      return { kind: 'raw', text, ...(contentType !== undefined ? { contentType } : {}) };
    }
    default: {
      const payload = rawJsonObject(block['event']);
      ctx.templates([...path, 'event'], payload);
      return { kind: 'event', payload };
    }
  }
}

export function toBuyerStep(ctx: NormalizeContext, kind: BuyerKind, input: StepInput): BuyerStep {
  const { base, block, path, versions } = input;
  const within = (): number => ctx.duration([...path, 'within'], block['within']) ?? 0;
  switch (kind) {
    case 'expect-buyer-request': {
      const op = rawString(block['op']) ?? '';
      if (op) checkOperation(ctx, [...path, 'op'], op, versions);
      return {
        ...base,
        kind,
        op,
        where: toMatcherEntries(ctx, [...path, 'where'], block['where']),
        withinMs: within(),
        count: rawCount(block['count']),
        save: input.save,
      };
    }
    case 'expect-delivery':
      return {
        ...base,
        kind,
        types: checkEventTypes(ctx, [...path, 'type'], block['type'], versions),
        where: toMatcherEntries(ctx, [...path, 'where'], block['where']),
        withinMs: within(),
        count: rawCount(block['count']),
        expect: input.expect(LISTENER_SUCCESS),
        save: input.save,
      };
    case 'send-event': {
      const [type = ''] = checkEventTypes(ctx, [...path, 'type'], block['type'], versions);
      return { ...base, kind, type, source: sourceOf(ctx, input), expect: input.expect(LISTENER_SUCCESS) };
    }
  }
}
