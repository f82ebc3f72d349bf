/**
 * Attributes required or forbidden by state, as data (the R-requirements, not the image tables of
 * Mplify 123.1 Tables 10/11, which conflict with them in places: API-NOTES §13.3). Each rule names the
 * requirement it encodes so a finding can be traced.
 */
export type RuleEntity = 'order' | 'item' | 'cancel' | 'modify' | 'charge';

export interface AttributeRule {
  readonly id: string;
  readonly entity: RuleEntity;
  /** The rule applies when the entity's `state` is one of these ('*' = always). */
  readonly states: readonly string[] | '*';
  readonly attribute: string;
  readonly rule: 'required' | 'forbidden';
  readonly requirements: readonly string[];
  readonly summary: string;
}

const NOT_COMPLETED_ITEM = [
  'acknowledged',
  'inProgress',
  'held',
  'pending',
  'failed',
  'cancelled',
  'rejected',
  'rejected.validated',
  'rejected.unassessed',
];

export const ATTRIBUTE_RULES: readonly AttributeRule[] = [
  {
    id: 'order-id',
    entity: 'order',
    states: '*',
    attribute: 'id',
    rule: 'required',
    requirements: ['R18'],
    summary: 'order carries its Seller-assigned id',
  },
  {
    id: 'order-orderDate',
    entity: 'order',
    states: '*',
    attribute: 'orderDate',
    rule: 'required',
    requirements: ['R18'],
    summary: 'order carries orderDate',
  },
  {
    id: 'order-state',
    entity: 'order',
    states: '*',
    attribute: 'state',
    rule: 'required',
    requirements: ['R18'],
    summary: 'order carries state',
  },
  {
    id: 'order-stateChange',
    entity: 'order',
    states: '*',
    attribute: 'stateChange',
    rule: 'required',
    requirements: ['R18', 'R20'],
    summary: 'order carries its state history',
  },
  {
    id: 'order-completionDate',
    entity: 'order',
    states: ['completed'],
    attribute: 'completionDate',
    rule: 'required',
    requirements: ['R47'],
    summary: 'a completed order has a completionDate',
  },
  {
    id: 'item-state',
    entity: 'item',
    states: '*',
    attribute: 'state',
    rule: 'required',
    requirements: ['R23'],
    summary: 'every item carries state',
  },
  {
    id: 'item-stateChange',
    entity: 'item',
    states: '*',
    attribute: 'stateChange',
    rule: 'required',
    requirements: ['R23', 'R24'],
    summary: 'every item carries its state history',
  },
  {
    id: 'item-ecd-inProgress',
    entity: 'item',
    states: ['inProgress'],
    attribute: 'expectedCompletionDate',
    rule: 'required',
    requirements: ['R29', 'R48'],
    summary: 'an inProgress item has an expectedCompletionDate',
  },
  {
    id: 'item-ecd-ended',
    entity: 'item',
    states: ['cancelled', 'failed'],
    attribute: 'expectedCompletionDate',
    rule: 'forbidden',
    requirements: ['R28', 'R49'],
    summary: 'a cancelled or failed item has no expectedCompletionDate',
  },
  {
    id: 'item-completionDate',
    entity: 'item',
    states: ['completed'],
    attribute: 'completionDate',
    rule: 'required',
    requirements: ['R50'],
    summary: 'a completed item has a completionDate',
  },
  {
    id: 'item-no-completionDate',
    entity: 'item',
    states: NOT_COMPLETED_ITEM,
    attribute: 'completionDate',
    rule: 'forbidden',
    requirements: ['R30', 'R51'],
    summary: 'an item that is not completed has no completionDate',
  },
  {
    id: 'item-terminationError',
    entity: 'item',
    states: ['rejected'],
    attribute: 'terminationError',
    rule: 'required',
    requirements: ['R64'],
    summary: 'a rejected item says why in terminationError',
  },
  {
    id: 'cancel-id',
    entity: 'cancel',
    states: '*',
    attribute: 'id',
    rule: 'required',
    requirements: ['R78'],
    summary: 'a cancel request carries its Seller-assigned id',
  },
  {
    id: 'cancel-state',
    entity: 'cancel',
    states: '*',
    attribute: 'state',
    rule: 'required',
    requirements: ['R78'],
    summary: 'a cancel request carries state',
  },
  {
    id: 'modify-id',
    entity: 'modify',
    states: '*',
    attribute: 'id',
    rule: 'required',
    requirements: ['R66', 'R69'],
    summary: 'a modify request carries its id',
  },
  {
    id: 'modify-creationDate',
    entity: 'modify',
    states: '*',
    attribute: 'creationDate',
    rule: 'required',
    requirements: ['R66', 'R69'],
    summary: 'a modify request carries creationDate',
  },
  {
    id: 'charge-responseDueDate',
    entity: 'charge',
    states: '*',
    attribute: 'responseDueDate',
    rule: 'required',
    requirements: ['R90'],
    summary: 'a charge carries responseDueDate',
  },
  {
    id: 'charge-creationDate',
    entity: 'charge',
    states: '*',
    attribute: 'creationDate',
    rule: 'required',
    requirements: ['R90'],
    summary: 'a charge carries creationDate',
  },
];

export interface AttributeRuleViolation {
  readonly rule: AttributeRule;
  readonly message: string;
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** Applies the rules for one entity snapshot. */
export function checkAttributeRules(
  entity: RuleEntity,
  snapshot: Readonly<Record<string, unknown>>,
  rules: readonly AttributeRule[] = ATTRIBUTE_RULES,
): AttributeRuleViolation[] {
  const state = typeof snapshot['state'] === 'string' ? snapshot['state'] : undefined;
  const out: AttributeRuleViolation[] = [];
  for (const rule of rules) {
    if (rule.entity !== entity) continue;
    if (rule.states !== '*' && (state === undefined || !rule.states.includes(state))) continue;
    const has = present(snapshot[rule.attribute]);
    if (rule.rule === 'required' && !has) {
      out.push({ rule, message: `${entity} in '${state ?? '?'}' lacks ${rule.attribute} (${rule.summary})` });
    } else if (rule.rule === 'forbidden' && has) {
      out.push({
        rule,
        message: `${entity} in '${state ?? '?'}' must not carry ${rule.attribute} (${rule.summary})`,
      });
    }
  }
  return out;
}
