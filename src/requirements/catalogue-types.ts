import type { Capability } from '../capabilities';
import type { RequirementInfo } from '../run/verdicts';

/** Kinds of statement in Mplify 123.1: required, desirable, optional, conditionally required. */
export type RequirementKind = 'R' | 'D' | 'O' | 'CR';

/** The party a statement binds; "Both" binds Buyer and Seller alike (any payload, any implementation). */
export type RequirementRole = 'Seller' | 'Buyer' | 'Both';

/**
 * How the harness can judge a requirement:
 * - `automatic`: a scenario against a Seller checks it through the API;
 * - `conditional`: the same, but only when the Seller offers the named optional bundle;
 * - `buyer-side`: it binds the Buyer, so it is judged in Buyer-testing mode (the Seller emulator);
 * - `untestable`: nothing observable through this API can confirm or refute it (`why` says so).
 */
export type Testability =
  | { readonly testability: 'automatic' }
  | { readonly testability: 'conditional'; readonly capability: Capability }
  | { readonly testability: 'buyer-side' }
  | { readonly testability: 'untestable'; readonly why: string };

export type TestabilityKind = Testability['testability'];

/** One requirement as written in a section file: what only a person can say about it. */
export type DraftEntry = {
  /** Mplify 123.1 id: R1, D1, O1, CR1, … */
  readonly id: string;
  readonly role: RequirementRole;
  /** Use cases when they differ from the section's (only §5.2.1 needs this). */
  readonly useCases?: readonly string[];
  /** MEF 57.2, MEF 57.2.1 and Mplify 150 ids the statement cites, spelt as the guide does. */
  readonly traces: readonly string[];
  /** One line in our own words (≤ 120 characters); never the guide's sentence. */
  readonly summary: string;
  /** What a scenario needs from the user to reach the requirement (a fixture, a Seller limit, …). */
  readonly needs?: string;
} & Testability;

/** The requirements of one section of the guide, in document order. */
export interface CatalogueSection {
  readonly section: string;
  /** Use cases of the section: `1`, `1a`, … or `all` for cross-cutting rules. */
  readonly useCases: readonly string[];
  readonly entries: readonly DraftEntry[];
}

/** A catalogue entry: the draft plus what follows from the id and the section. */
export type CatalogueEntry = RequirementInfo &
  DraftEntry & {
    readonly kind: RequirementKind;
    readonly section: string;
    readonly useCases: readonly string[];
    /** Equivalent MEF 123 (Sonata v10 / Cantata v5) ids; empty when the requirement is new in 123.1. */
    readonly mef123: readonly string[];
  };
