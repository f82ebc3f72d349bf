import { KNOWN_FAULTS } from '../../../emulators/seller/faults/fault-catalog';
import { profileFromValue } from '../../../emulators/seller/profile/load-profile';
import type { SellerProfile } from '../../../emulators/seller/profile/profile-types';
import type { JsonObject } from '../../scenario/types';

/**
 * The Seller emulator's behaviour in buyer-testing mode, before a scenario's `seller:` overlay: orders wait
 * for the scenario's control steps (outcome `manual`), whatever the Buyer puts in `externalId`; a listener
 * that does not answer is given up on quickly (2 attempts, 3 s each), so a broken Buyer costs seconds.
 */
const BUYER_TESTING_BASE = {
  name: 'buyer-testing',
  notifications: { maxAttempts: 2, backoff: '1m', timeoutMs: 3000 },
} as const;

const ACTIONS = ['add', 'modify', 'delete'] as const;
const NESTED = ['capabilities', 'timings', 'notifications', 'charge', 'pagination', 'store'] as const;

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {};

/**
 * The profile of one Buyer scenario. Every order takes the overlay's `defaultOutcome` (default `manual`),
 * through one rule per item action, since outcome rules otherwise key on what the Buyer chose to send;
 * `rules:` in the overlay replace these.
 */
export function buyerScenarioProfile(
  overlay: JsonObject | undefined,
  file: string,
): { profile?: SellerProfile; problems: string[] } {
  const raw = asRaw(overlay);
  const outcome = typeof raw['defaultOutcome'] === 'string' ? raw['defaultOutcome'] : 'manual';
  const merged: Raw = {
    ...BUYER_TESTING_BASE,
    ...raw,
    replaceRules: true,
    rules: raw['rules'] ?? ACTIONS.map((itemAction) => ({ when: { itemAction }, outcome })),
    defaultOutcome: outcome,
    // The scenario's control steps need it, whatever the overlay says.
    controlApi: true,
  };
  for (const key of NESTED) {
    const base = asRaw((BUYER_TESTING_BASE as Raw)[key]);
    if (raw[key] !== undefined || Object.keys(base).length > 0) merged[key] = { ...base, ...asRaw(raw[key]) };
  }
  const result = profileFromValue(merged, file, () => ({ line: 1, column: 1 }), KNOWN_FAULTS);
  return result.profile
    ? { profile: result.profile, problems: [] }
    : { problems: result.problems.map((p) => `${p.code}: ${p.message}`) };
}
