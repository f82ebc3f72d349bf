/**
 * The role of a scenario (who is under test) and what only one role takes: Buyer-side steps and the
 * `seller:` / `buyerTask:` keys in Buyer scenarios; requests, hubs, prompts and capabilities in Seller ones.
 */
import { KNOWN_FAULTS } from '../../emulators/seller/faults/fault-catalog';
import { profileFromValue } from '../../emulators/seller/profile/load-profile';
import { isJsonObject, isJsonValue, type JsonObject } from './json';
import type { NormalizeContext } from './normalize-context';
import { pointerToPath } from './schema-problems';
import { has, rawString, type RawObject } from './raw';
import { BUYER_TASKS, ROLE_ONLY_STEP_KINDS, type BuyerTask, type ScenarioRole, type Step } from './types';

const OTHER: Readonly<Record<ScenarioRole, ScenarioRole>> = { seller: 'buyer', buyer: 'seller' };
/** Scenario keys that belong to one role only. */
const ROLE_ONLY_KEYS: Readonly<Record<ScenarioRole, readonly string[]>> = {
  seller: ['capabilities', 'unsupported'],
  buyer: ['buyerTask', 'seller'],
};

export function checkRole(
  ctx: NormalizeContext,
  data: RawObject,
  steps: readonly Step[],
): { role: ScenarioRole; buyerTask?: BuyerTask } {
  const role: ScenarioRole = data['role'] === 'buyer' ? 'buyer' : 'seller';
  const other = OTHER[role];
  const why =
    role === 'buyer'
      ? 'this is a Buyer scenario (role: buyer): the harness plays the Seller'
      : 'this is a Seller scenario (add role: buyer for one that tests a Buyer)';
  for (const key of ROLE_ONLY_KEYS[other]) {
    if (has(data, key))
      ctx.report('scenario.wrongRole', [key], `${key} is for ${other} scenarios; ${why}`, 'key');
  }
  for (const step of steps) {
    if (!ROLE_ONLY_STEP_KINDS[other].includes(step.kind)) continue;
    ctx.report(
      'scenario.wrongRole',
      ['steps', step.index, step.kind],
      `${/^[aeiou]/.test(step.kind) ? 'an' : 'a'} ${step.kind} step belongs in ${other} scenarios; ${why}`,
      'key',
    );
  }
  const task = rawString(data['buyerTask']);
  const buyerTask = (BUYER_TASKS as readonly string[]).includes(task ?? '') ? (task as BuyerTask) : undefined;
  return { role, ...(role === 'buyer' && buyerTask ? { buyerTask } : {}) };
}

/** The `seller:` overlay, checked as a Seller profile would be (each problem at its line and column). */
export function sellerOverlay(ctx: NormalizeContext, raw: unknown): JsonObject | undefined {
  if (raw === undefined || !isJsonObject(raw) || !isJsonValue(raw)) return undefined;
  const result = profileFromValue(
    raw,
    ctx.source.file,
    (pointer) => {
      const { line, column } = ctx.location(['seller', ...pointerToPath(pointer)]);
      return { line, column };
    },
    KNOWN_FAULTS,
  );
  for (const p of result.problems) {
    ctx.problems.push({
      file: p.file,
      line: p.line,
      column: p.column,
      code: 'scenario.sellerProfile',
      message: `seller: ${p.message} (${p.code})`,
    });
  }
  return raw;
}
