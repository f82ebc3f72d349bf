import { ALL_CAPABILITIES } from '../../../src/capabilities';
import { AUTH_SCHEMA, MIN_SECRET_CHARS } from './auth-profile';

const duration = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'number', minimum: 0 },
  ],
};
const outcome = {
  enum: ['complete', 'reject', 'fail', 'partial', 'charge', 'stay', 'seller-cancel', 'manual'],
};
const taskOutcome = { enum: ['accept', 'reject', 'charge'] };

/** JSON Schema of a behaviour profile file (every field optional: it overlays the default profile). */
export const PROFILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    extends: { enum: ['default'] },
    capabilities: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(ALL_CAPABILITIES.map((c) => [c, { type: 'boolean' }])),
    },
    timings: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        [
          'acknowledgedToInProgress',
          'inProgressToDone',
          'milestoneEvery',
          'taskDecision',
          'pendingCancellationToCancelled',
          'chargeResponseWindow',
          'defaultLeadTime',
        ].map((k) => [k, duration]),
      ),
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['when', 'outcome'],
        properties: {
          when: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              externalIdPrefix: { type: 'string' },
              productType: { type: 'string' },
              itemAction: { enum: ['add', 'modify', 'delete'] },
              projectId: { type: 'string' },
            },
          },
          outcome,
          reason: { type: 'string' },
          milestones: { type: 'array', items: { type: 'string', minLength: 1 } },
          cancel: taskOutcome,
          modify: taskOutcome,
        },
      },
    },
    replaceRules: { type: 'boolean' },
    defaultOutcome: outcome,
    charge: {
      type: 'object',
      additionalProperties: false,
      properties: {
        priceCategory: {
          enum: ['cancellation', 'construction', 'connection', 'disconnect', 'expedite', 'other'],
        },
        priceType: { enum: ['recurring', 'nonRecurring', 'usageBased'] },
        amount: { type: 'number', minimum: 0 },
        currency: { type: 'string', minLength: 3, maxLength: 3 },
        blocking: { type: 'boolean' },
      },
    },
    pagination: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxPageSize: { type: 'integer', minimum: 1 },
        tooManyRecordsAbove: { type: 'integer', minimum: 1 },
      },
    },
    store: {
      type: 'object',
      additionalProperties: false,
      properties: { maxOrders: { type: 'integer', minimum: 10 } },
    },
    notifications: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxAttempts: { type: 'integer', minimum: 1, maximum: 20 },
        backoff: duration,
        timeoutMs: { type: 'integer', minimum: 1 },
        keepDeliveries: { type: 'integer', minimum: 1 },
        bearerToken: { type: 'string', minLength: MIN_SECRET_CHARS },
      },
    },
    auth: AUTH_SCHEMA,
    validateProductConfiguration: { type: 'boolean' },
    requireBuyerContacts: { type: 'boolean' },
    maxBodyBytes: { type: 'integer', minimum: 1024 },
    sellerContact: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'emailAddress', 'number'],
      properties: { name: { type: 'string' }, emailAddress: { type: 'string' }, number: { type: 'string' } },
    },
    controlApi: { type: 'boolean' },
    faults: { type: 'array', items: { type: 'string' } },
  },
} as const;
