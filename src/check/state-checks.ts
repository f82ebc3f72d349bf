import {
  checkAttributeRules,
  checkCoupling,
  isLegalTransition,
  isState,
  ITEM_MACHINE,
  ORDER_MACHINE,
  TASK_MACHINE,
  type RuleEntity,
  type StateMachine,
} from '../lifecycle';
import type { Finding } from '../results';
import type { ExchangeCheck, ExchangeContext } from './check-types';
import { finding } from './check-types';

type Json = Record<string, unknown>;

const ORDER_OPS = ['createProductOrder', 'retrieveProductOrder', 'patchProductOrder'];

function history(
  ctx: ExchangeContext,
  machine: StateMachine<string>,
  doc: Json,
  at: string,
  requirement: string,
): Finding[] {
  const changes = doc['stateChange'];
  if (!Array.isArray(changes) || changes.length === 0) return [];
  const states = changes.map((c) => (c as Json | null)?.['state']);
  const out: Finding[] = [];
  const last = states[states.length - 1];
  if (last !== undefined && last !== doc['state']) {
    out.push(
      finding(
        ctx,
        'state-history',
        'stateChange.notCurrent',
        `${at}: the last stateChange is ${JSON.stringify(last)} but state is ${JSON.stringify(doc['state'])}`,
        { pointer: `${at}/stateChange`, requirements: [requirement] },
      ),
    );
  }
  if (states[0] !== machine.initial) {
    out.push(
      finding(
        ctx,
        'state-history',
        'stateChange.incomplete',
        `${at}: the history starts at '${String(states[0])}', not '${machine.initial}' (full history required)`,
        { pointer: `${at}/stateChange/0`, requirements: [requirement] },
      ),
    );
  }
  for (let i = 1; i < states.length; i++) {
    const from = states[i - 1];
    const to = states[i];
    if (isState(machine, from) && isState(machine, to) && !isLegalTransition(machine, from, to)) {
      out.push(
        finding(
          ctx,
          'state-history',
          'stateChange.illegal',
          `${at}: history moves ${from} → ${to}, which the ${machine.name} state machine does not allow`,
          { pointer: `${at}/stateChange/${i}`, requirements: [requirement] },
        ),
      );
    }
  }
  return out;
}

function attributes(ctx: ExchangeContext, entity: RuleEntity, doc: Json, at: string): Finding[] {
  return checkAttributeRules(entity, doc).map((v) =>
    finding(ctx, 'attributes-by-state', `attribute.${v.rule.rule}`, `${at || '/'}: ${v.message}`, {
      pointer: `${at}/${v.rule.attribute}`,
      requirements: [...v.rule.requirements],
    }),
  );
}

/**
 * An order as the Seller shows it: attributes required or forbidden by state ([R28]–[R30], [R47]–[R51]),
 * a state history that is complete and legal ([R20], [R24]), and items coherent with the order state.
 */
export const orderStateRules: ExchangeCheck = {
  name: 'order-state-rules',
  operations: ORDER_OPS,
  run(ctx) {
    const order = ctx.json as Json | undefined;
    if (ctx.exchange.response?.status !== 200 && ctx.exchange.response?.status !== 201) return [];
    if (!order || typeof order !== 'object' || !isState(ORDER_MACHINE, order['state'])) return [];
    const items = Array.isArray(order['productOrderItem']) ? (order['productOrderItem'] as Json[]) : [];
    const out = [...attributes(ctx, 'order', order, ''), ...history(ctx, ORDER_MACHINE, order, '', 'R20')];
    items.forEach((item, i) => {
      out.push(...attributes(ctx, 'item', item, `/productOrderItem/${i}`));
      out.push(...history(ctx, ITEM_MACHINE, item, `/productOrderItem/${i}`, 'R24'));
    });
    const itemStates = items.map((i) => i['state']).filter((s) => isState(ITEM_MACHINE, s));
    for (const v of checkCoupling(order['state'], itemStates)) {
      out.push(finding(ctx, 'order-item-coupling', 'coupling.items', v.message, { requirements: ['R64'] }));
    }
    if (ctx.exchange.operationId === 'createProductOrder') {
      if (order['state'] !== 'acknowledged') {
        out.push(
          finding(
            ctx,
            'create-state',
            'create.notAcknowledged',
            `a new order answers in 'acknowledged', not '${String(order['state'])}'`,
            { expected: 'acknowledged', actual: order['state'], requirements: ['R18'] },
          ),
        );
      }
      const contacts = Array.isArray(order['relatedContactInformation'])
        ? (order['relatedContactInformation'] as Json[])
        : [];
      if (!contacts.some((c) => c['role'] === 'sellerContact')) {
        out.push(
          finding(
            ctx,
            'seller-contact',
            'create.noSellerContact',
            'the response has no contact with role sellerContact',
            { requirements: ['R18'] },
          ),
        );
      }
    }
    return out;
  },
};

/** Cancel and modify requests: required attributes, and a legal state for the machine. */
export const taskStateRules: ExchangeCheck = {
  name: 'task-state-rules',
  operations: [
    'createCancelProductOrder',
    'retrieveCancelProductOrder',
    'createModifyProductOrderItemRequestedDeliveryDate',
    'retrieveModifyProductOrderItemRequestedDeliveryDate',
  ],
  run(ctx) {
    const doc = ctx.json as Json | undefined;
    const status = ctx.exchange.response?.status;
    if ((status !== 200 && status !== 201) || !doc || typeof doc !== 'object') return [];
    const entity: RuleEntity = ctx.exchange.operationId?.includes('Cancel') ? 'cancel' : 'modify';
    const out = attributes(ctx, entity, doc, '');
    if (status === 201 && doc['state'] !== TASK_MACHINE.initial) {
      out.push(
        finding(
          ctx,
          'create-state',
          'create.notAcknowledged',
          `a new ${entity} request answers in 'acknowledged', not '${String(doc['state'])}'`,
          { requirements: entity === 'cancel' ? ['R78'] : ['R66'] },
        ),
      );
    }
    if (entity === 'cancel' && status === 201) {
      const contacts = Array.isArray(doc['relatedContactInformation'])
        ? (doc['relatedContactInformation'] as Json[])
        : [];
      if (!contacts.some((c) => c['role'] === 'cancelProductOrderSellerContact')) {
        out.push(
          finding(
            ctx,
            'seller-contact',
            'cancel.noSellerContact',
            'the response has no contact with role cancelProductOrderSellerContact',
            { requirements: ['R78'] },
          ),
        );
      }
    }
    return out;
  },
};
