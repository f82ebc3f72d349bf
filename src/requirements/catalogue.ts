import { GENERAL_SECTIONS } from './catalogue-general';
import type { CatalogueEntry, CatalogueSection, RequirementKind, RequirementRole } from './catalogue-types';
import { UC1_ITEM_SECTIONS } from './catalogue-uc1-items';
import { UC1_ORDER_SECTIONS } from './catalogue-uc1-order';
import { UC11_TO_14_SECTIONS } from './catalogue-uc11-14';
import { UC15_TO_16_SECTIONS } from './catalogue-uc15-16';
import { UC2_TO_4_SECTIONS } from './catalogue-uc2-4';
import { UC5_TO_10_SECTIONS } from './catalogue-uc5-10';
import { mef123IdsFor } from './mef123';

export type {
  CatalogueEntry,
  CatalogueSection,
  DraftEntry,
  RequirementKind,
  RequirementRole,
  Testability,
  TestabilityKind,
} from './catalogue-types';

/** The sections of Mplify 123.1 that hold requirement statements, in document order. */
export const CATALOGUE_SECTIONS: readonly CatalogueSection[] = [
  ...GENERAL_SECTIONS,
  ...UC1_ORDER_SECTIONS,
  ...UC1_ITEM_SECTIONS,
  ...UC2_TO_4_SECTIONS,
  ...UC5_TO_10_SECTIONS,
  ...UC11_TO_14_SECTIONS,
  ...UC15_TO_16_SECTIONS,
];

/** R, D, O or CR, read from the id. */
export function kindOf(id: string): RequirementKind {
  const kind = /^(CR|R|D|O)\d+$/.exec(id)?.[1];
  if (kind === 'CR' || kind === 'R' || kind === 'D' || kind === 'O') return kind;
  throw new Error(`not a Mplify 123.1 requirement id: ${id}`);
}

/**
 * Every requirement statement of Mplify 123.1 (R1–R115, D1–D5, O1–O19, CR1–CR9) in document order: role,
 * section, use cases, traces, MEF 123 equivalents, how the harness can judge it, and a one-line summary
 * in our own words. The statements themselves are in the guide (not reproduced here).
 */
export const REQUIREMENT_CATALOGUE: readonly CatalogueEntry[] = CATALOGUE_SECTIONS.flatMap((s) =>
  s.entries.map((e): CatalogueEntry => ({
    ...e,
    kind: kindOf(e.id),
    section: s.section,
    useCases: e.useCases ?? s.useCases,
    mef123: mef123IdsFor(e.id),
  })),
);

const BY_ID: ReadonlyMap<string, CatalogueEntry> = new Map(REQUIREMENT_CATALOGUE.map((e) => [e.id, e]));

/** The catalogue entry of a Mplify 123.1 id, if there is one. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

/** Whether a requirement binds the given party: its own role, or "Both". */
export function binds(entry: { readonly role: RequirementRole }, party: 'Seller' | 'Buyer'): boolean {
  return entry.role === party || entry.role === 'Both';
}
