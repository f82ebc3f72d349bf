/**
 * JSON Schema (draft-07, for ajv) of a scenario file: its shape only. What a schema cannot say well is
 * checked in code with its own problem codes: the single kind key of a step, durations, templates,
 * matchers, selector paths, capabilities, API versions, operations, parameters, event types, fixtures.
 * No oneOf/anyOf: unions are written as type lists so that ajv reports one clear error per mistake.
 */
import { BUYER_TASKS, CONTROL_ACTIONS, SCENARIO_ROLES } from './types';

/** Letters, digits, `_`; not starting with a digit nor with `__` (`__proto__` would vanish in a JS object). */
export const VARIABLE_NAME_PATTERN = '^(?!__)[A-Za-z_][A-Za-z0-9_]*$';
const SCENARIO_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

const text = { type: 'string', minLength: 1 } as const;
const textList = { type: 'array', items: text } as const;
const duration = { type: ['string', 'number'] } as const;
const scalar = { type: ['string', 'number', 'boolean'] } as const;
const object = { type: 'object' } as const;

const shared = {
  params: { type: 'object', additionalProperties: { type: [...scalar.type, 'array'], items: scalar } },
  headers: { type: 'object', additionalProperties: { type: 'string' } },
  save: {
    type: 'object',
    propertyNames: { pattern: VARIABLE_NAME_PATTERN },
    additionalProperties: {
      type: ['string', 'object'],
      required: ['header'],
      additionalProperties: false,
      properties: { header: text },
    },
  },
  expect: {
    type: 'object',
    additionalProperties: false,
    properties: {
      status: {
        type: ['integer', 'array'],
        minimum: 100,
        maximum: 599,
        minItems: 1,
        items: { type: 'integer', minimum: 100, maximum: 599 },
      },
      schema: { type: 'boolean' },
      body: object,
      headers: object,
      errorCode: { type: ['string', 'array'], minLength: 1, minItems: 1, items: text },
      echo: { type: 'boolean' },
      count: { type: ['integer', 'object'], minimum: 0 },
    },
  },
} as const;

const ref = (name: keyof typeof shared | 'fixtureBody'): { $ref: string } => ({
  $ref: `#/definitions/${name}`,
});
const eventTypes = { type: ['string', 'array'], minLength: 1, minItems: 1, items: text } as const;

const kinds = {
  request: {
    type: 'object',
    additionalProperties: false,
    required: ['op'],
    properties: {
      op: text,
      params: ref('params'),
      body: {
        if: { type: 'object', required: ['$fixture'], properties: { $fixture: true } },
        then: ref('fixtureBody'),
      },
      headers: ref('headers'),
      raw: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { body: { type: 'string' }, contentType: text, query: { type: 'string' } },
      },
      auth: { type: 'boolean' },
      expect: ref('expect'),
      save: ref('save'),
    },
  },
  poll: {
    type: 'object',
    additionalProperties: false,
    required: ['op', 'until', 'within'],
    properties: {
      op: text,
      params: ref('params'),
      headers: ref('headers'),
      until: { type: 'object', minProperties: 1 },
      within: duration,
      every: duration,
      expect: ref('expect'),
      save: ref('save'),
    },
  },
  'await-notification': {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'within'],
    properties: {
      type: eventTypes,
      where: object,
      within: duration,
      count: { type: 'integer', minimum: 1 },
      save: ref('save'),
    },
  },
  'expect-no-notification': {
    type: 'object',
    additionalProperties: false,
    required: ['within'],
    properties: { type: eventTypes, where: object, within: duration },
  },
  'register-hub': {
    type: ['object', 'null'],
    additionalProperties: false,
    properties: { query: { type: 'string' }, callback: text, expect: ref('expect'), save: ref('save') },
  },
  'unregister-hub': {
    type: 'object',
    additionalProperties: false,
    required: ['id'],
    properties: { id: text, expect: ref('expect') },
  },
  control: {
    type: 'object',
    additionalProperties: false,
    required: ['action'],
    properties: {
      action: { type: 'string', enum: CONTROL_ACTIONS },
      order: text,
      item: text,
      charge: text,
      task: text,
      args: object,
      save: ref('save'),
    },
  },
  prompt: {
    type: 'object',
    additionalProperties: false,
    required: ['message'],
    properties: { message: text, timeout: duration },
  },
  sleep: { type: 'object', additionalProperties: false, required: ['for'], properties: { for: duration } },
  set: { type: 'object', minProperties: 1, propertyNames: { pattern: VARIABLE_NAME_PATTERN } },
  'expect-buyer-request': {
    type: 'object',
    additionalProperties: false,
    required: ['op', 'within'],
    properties: {
      op: text,
      where: object,
      within: duration,
      count: { type: 'integer', minimum: 1 },
      save: ref('save'),
    },
  },
  'expect-delivery': {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'within'],
    properties: {
      type: eventTypes,
      where: object,
      within: duration,
      count: { type: 'integer', minimum: 1 },
      expect: ref('expect'),
      save: ref('save'),
    },
  },
  'send-event': {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: text,
      event: object,
      replay: { enum: ['first', 'last'] },
      body: {},
      raw: { type: 'string' },
      contentType: text,
      expect: ref('expect'),
    },
  },
} as const;

/** Keys a step may have besides its kind key. */
export const STEP_COMMON_KEYS = [
  'name',
  'requirements',
  'optional',
  'continueOnFailure',
  'api',
  'expect',
  'save',
] as const;

export const SCENARIO_SCHEMA = {
  $id: 'https://lso-harness.dev/schemas/scenario.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'requirements', 'steps'],
  properties: {
    id: { type: 'string', pattern: SCENARIO_ID_PATTERN, maxLength: 100 },
    role: { enum: SCENARIO_ROLES },
    title: text,
    description: { type: 'string' },
    requirements: { ...textList, minItems: 1 },
    capabilities: textList,
    unsupported: textList,
    tags: textList,
    api: { ...textList, minItems: 1 },
    fixtures: { type: 'string' },
    vars: { type: 'object', propertyNames: { pattern: VARIABLE_NAME_PATTERN } },
    timeout: duration,
    buyerTask: { enum: BUYER_TASKS },
    seller: object,
    steps: { type: 'array', minItems: 1, items: { $ref: '#/definitions/step' } },
  },
  definitions: {
    ...shared,
    fixtureBody: {
      type: 'object',
      additionalProperties: false,
      properties: {
        $fixture: text,
        merge: {},
        set: { type: 'object' },
        remove: { type: 'array', items: text },
      },
    },
    step: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text,
        requirements: textList,
        optional: { type: 'boolean' },
        continueOnFailure: { type: 'boolean' },
        api: { ...textList, minItems: 1 },
        expect: ref('expect'),
        save: ref('save'),
        ...kinds,
      },
    },
  },
} as const;
