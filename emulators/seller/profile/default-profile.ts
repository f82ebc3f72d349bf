import { ALL_CAPABILITIES } from '../../../src/capabilities';
import type { SellerProfile } from './profile-types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A faithful Seller with every optional bundle, realistic MEF-scale timings (minutes to hours: run it on
 * a scaled or manual clock), and the outcome rules the catalog's fixtures rely on (externalId prefixes).
 */
export const DEFAULT_PROFILE: SellerProfile = {
  name: 'default',
  // `authentication` follows `auth.mode` (none here); every bundle of the API is on.
  capabilities: Object.fromEntries(
    ALL_CAPABILITIES.map((c) => [c, c !== 'authentication']),
  ) as SellerProfile['capabilities'],
  timings: {
    acknowledgedToInProgress: 30 * SECOND,
    inProgressToDone: 2 * HOUR,
    milestoneEvery: 20 * MINUTE,
    taskDecision: 5 * MINUTE,
    pendingCancellationToCancelled: 10 * MINUTE,
    chargeResponseWindow: 2 * DAY,
    defaultLeadTime: 30 * DAY,
  },
  rules: [
    { when: { externalIdPrefix: 'REJECT' }, outcome: 'reject', reason: 'site not serviceable' },
    { when: { externalIdPrefix: 'FAIL' }, outcome: 'fail', reason: 'installation failed' },
    { when: { externalIdPrefix: 'PARTIAL' }, outcome: 'partial', reason: 'one site failed' },
    { when: { externalIdPrefix: 'CHARGE' }, outcome: 'charge', reason: 'extra construction works' },
    {
      when: { externalIdPrefix: 'MILESTONE' },
      outcome: 'complete',
      milestones: ['siteSurveyDone', 'equipmentInstalled'],
    },
    {
      when: { externalIdPrefix: 'SELLERCANCEL' },
      outcome: 'seller-cancel',
      reason: 'Seller withdrew the service',
    },
    { when: { externalIdPrefix: 'HOLD-CANCELCHARGE' }, outcome: 'stay', cancel: 'charge', modify: 'charge' },
    { when: { externalIdPrefix: 'HOLD-REJECTTASKS' }, outcome: 'stay', cancel: 'reject', modify: 'reject' },
    { when: { externalIdPrefix: 'HOLD' }, outcome: 'stay' },
    { when: { externalIdPrefix: 'MANUAL' }, outcome: 'manual' },
  ],
  defaultOutcome: 'complete',
  charge: {
    priceCategory: 'construction',
    priceType: 'nonRecurring',
    amount: 1250,
    currency: 'EUR',
    blocking: true,
  },
  pagination: { maxPageSize: 100, tooManyRecordsAbove: 100_000 },
  store: { maxOrders: 200_000 },
  notifications: { maxAttempts: 3, backoff: 2 * SECOND, timeoutMs: 5 * SECOND, keepDeliveries: 20_000 },
  auth: { mode: 'none', tokens: [], clients: [], tokenTtl: HOUR },
  validateProductConfiguration: true,
  requireBuyerContacts: true,
  maxBodyBytes: 1024 * 1024,
  sellerContact: { name: 'Seller Order Desk', emailAddress: 'orders@seller.example', number: '+1-555-0100' },
  // Off unless enabled (`seller --control-api`, `controlApi: true`): the embedded run switches it on.
  controlApi: false,
  faults: [],
};
