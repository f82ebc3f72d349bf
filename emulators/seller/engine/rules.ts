import type { OutcomeRule, RuleMatch, SellerProfile } from '../profile/profile-types';

type Json = Record<string, unknown>;

function matches(when: RuleMatch, body: Json): boolean {
  const items = (Array.isArray(body['productOrderItem']) ? body['productOrderItem'] : []) as Json[];
  if (when.externalIdPrefix !== undefined) {
    const ext = body['externalId'];
    if (typeof ext !== 'string' || !ext.startsWith(when.externalIdPrefix)) return false;
  }
  if (when.projectId !== undefined && body['projectId'] !== when.projectId) return false;
  if (when.itemAction !== undefined && !items.some((i) => i['action'] === when.itemAction)) return false;
  if (when.productType !== undefined) {
    const types = items.map(
      (i) => ((i['product'] as Json | undefined)?.['productConfiguration'] as Json | undefined)?.['@type'],
    );
    if (!types.includes(when.productType)) return false;
  }
  return true;
}

/** The first rule of the profile that the create request matches (rules are ordered, first wins). */
export function matchRule(profile: SellerProfile, body: Json): OutcomeRule | undefined {
  return profile.rules.find((r) => matches(r.when, body));
}
