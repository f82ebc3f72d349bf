import type { RecordedBuyerRequest } from '../../../emulators/seller/record';
import type { Finding, Severity } from '../../results';
import type { ApiSpec, ProductSchemaRegistry } from '../../spec';

/** What the Seller side knows that a Buyer request is judged against (the emulator's own state). */
export interface SellerFacts {
  /** A charge the Seller raised: when the answer was due and which items it holds. */
  charge(id: string): { readonly responseDueDate: string; readonly itemIds: readonly string[] } | undefined;
  /** Whether the Seller offers the charge use cases (then R89/R105 bind the Buyer). */
  readonly chargesOffered: boolean;
  /**
   * Ids the harness put in events of its own making (send-event) that name no resource: a Buyer looking
   * one up gets a 404 through no fault of its own.
   */
  readonly madeUpIds: ReadonlySet<string>;
}

/** What a Buyer-side check sees: one request of the Buyer under test, and what came before it. */
export interface BuyerRequestContext {
  readonly spec: ApiSpec;
  readonly products?: ProductSchemaRegistry;
  readonly record: RecordedBuyerRequest;
  /** Every request of the scenario, in arrival order (this one included). */
  readonly all: readonly RecordedBuyerRequest[];
  readonly seller: SellerFacts;
}

/** A small named check of Buyer requests (STYLE.md §7); findings are data, never thrown. */
export interface BuyerRequestCheck {
  readonly name: string;
  /** Operations it applies to; absent: every request. */
  readonly operations?: readonly string[];
  run(ctx: BuyerRequestContext): Finding[];
}

/** A rule broken by a request body, before it becomes a Finding. */
export interface Violation {
  readonly code: string;
  readonly message: string;
  readonly requirements: readonly string[];
  readonly pointer?: string;
  readonly severity?: Severity;
}

export function toFinding(check: string, record: RecordedBuyerRequest, v: Violation): Finding {
  return {
    check,
    code: v.code,
    severity: v.severity ?? 'error',
    message: v.message,
    requirements: [...v.requirements],
    exchangeId: record.id,
    ...(v.pointer !== undefined ? { pointer: v.pointer } : {}),
  };
}

export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asObjects(value: unknown): Json[] {
  return Array.isArray(value) ? value.map((v) => asObject(v) ?? {}) : [];
}
