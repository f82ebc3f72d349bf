import type { Capability } from '../../../src/capabilities';

/**
 * A behaviour profile scripts the Seller emulator: what it supports, how fast orders move, which
 * requests end how, which charges and milestones it raises, and (later) which faults it injects.
 * Durations are milliseconds here; the YAML takes `30s`, `5m`, `2d`, `PT1H`.
 */
export type Outcome =
  /** acknowledged → inProgress → completed (the default). */
  | 'complete'
  /** acknowledged → rejected, items rejected with a terminationError. */
  | 'reject'
  /** acknowledged → inProgress → failed. */
  | 'fail'
  /** the first item completes, the others fail: order partial. */
  | 'partial'
  /** a blocking charge on the first item (held); the Buyer's answer decides completed or failed. */
  | 'charge'
  /** stays inProgress until the control API moves it (for cancel/modify/charge scenarios). */
  | 'stay'
  /** the Seller cancels on its own: inProgress → pendingCancellation → cancelled. */
  | 'seller-cancel'
  /**
   * the back office decides everything: the order waits in each state until the control API moves it
   * (advance, complete, fail, reject, accept-task, …). For scenarios that need a given state on cue.
   */
  | 'manual';

export type TaskOutcome = 'accept' | 'reject' | 'charge';

export interface RuleMatch {
  /** `externalId` starts with this. */
  readonly externalIdPrefix?: string;
  /** any item's `product.productConfiguration['@type']` equals this. */
  readonly productType?: string;
  /** any item's `action` equals this. */
  readonly itemAction?: 'add' | 'modify' | 'delete';
  /** `projectId` equals this. */
  readonly projectId?: string;
}

export interface OutcomeRule {
  readonly when: RuleMatch;
  readonly outcome: Outcome;
  /** Used as terminationError / cancellation reason text. */
  readonly reason?: string;
  /** Milestones to reach while inProgress (names, in order). */
  readonly milestones?: readonly string[];
  /** Outcome of a cancel request on a matching order. */
  readonly cancel?: TaskOutcome;
  /** Outcome of a modify-delivery-date request on a matching order. */
  readonly modify?: TaskOutcome;
}

export interface Timings {
  readonly acknowledgedToInProgress: number;
  readonly inProgressToDone: number;
  readonly milestoneEvery: number;
  readonly taskDecision: number;
  readonly pendingCancellationToCancelled: number;
  /** responseDueDate = creation + this. */
  readonly chargeResponseWindow: number;
  /** expectedCompletionDate = requestedCompletionDate, or now + this when that is in the past. */
  readonly defaultLeadTime: number;
}

export interface ChargeTemplate {
  readonly priceCategory:
    'cancellation' | 'construction' | 'connection' | 'disconnect' | 'expedite' | 'other';
  readonly priceType: 'recurring' | 'nonRecurring' | 'usageBased';
  readonly amount: number;
  readonly currency: string;
  readonly blocking: boolean;
}

export interface NotificationSettings {
  readonly maxAttempts: number;
  /** Delay before the 2nd attempt; doubles after each further failure. */
  readonly backoff: number;
  /** Real milliseconds a delivery may take before it counts as failed. */
  readonly timeoutMs: number;
  /** Deliveries kept in the record (oldest dropped). */
  readonly keepDeliveries: number;
  /**
   * Sent as `Authorization: Bearer <token>` with every notification. The spec's hub registration has no
   * field for the Buyer's listener credentials, so the Seller is configured with them out of band.
   */
  readonly bearerToken?: string;
}

/** A static bearer token the Seller accepts (bearer mode; also accepted in oauth2 mode). */
export interface StaticToken {
  readonly token: string;
  /** The one Buyer the token acts for; absent: it may act for any Buyer (names it in `buyerId`). */
  readonly buyerId?: string;
}

/** An OAuth 2.0 client registered with the Seller (client credentials grant, RFC 6749 §4.4). */
export interface AuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The one Buyer the client acts for; absent: it may act for any Buyer (names it in `buyerId`). */
  readonly buyerId?: string;
  /** Scopes it may ask for (`default` or operationIds, as the generated v10 security files name them); absent: any. */
  readonly scopes?: readonly string[];
}

/**
 * Who may call the management API (MEF 128.1 points to OAuth 2.0; the API files define no scheme):
 * `none`, static bearer `tokens`, or `oauth2` client credentials with a token endpoint of the emulator.
 */
export interface AuthSettings {
  readonly mode: 'none' | 'bearer' | 'oauth2';
  readonly tokens: readonly StaticToken[];
  readonly clients: readonly AuthClient[];
  /** Lifetime of issued access tokens, in real milliseconds (not the emulator's clock). */
  readonly tokenTtl: number;
}

export interface SellerProfile {
  readonly name: string;
  readonly capabilities: Readonly<Record<Capability, boolean>>;
  readonly timings: Timings;
  readonly rules: readonly OutcomeRule[];
  readonly defaultOutcome: Outcome;
  readonly charge: ChargeTemplate;
  readonly pagination: { readonly maxPageSize: number; readonly tooManyRecordsAbove: number };
  readonly store: { readonly maxOrders: number };
  readonly notifications: NotificationSettings;
  readonly auth: AuthSettings;
  /** Validate `productConfiguration` against the product schema named by `@type` when it is known. */
  readonly validateProductConfiguration: boolean;
  /** Reject orders lacking the contact roles the guide requires of the Buyer (R11, R12). */
  readonly requireBuyerContacts: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  /** The Seller's contact added to every order (R18). */
  readonly sellerContact: { readonly name: string; readonly emailAddress: string; readonly number: string };
  /** Control API under /_lso (off unless enabled). */
  readonly controlApi: boolean;
  /** Deliberate deviations from the standard (the self-check's faults); empty for a faithful Seller. */
  readonly faults: readonly string[];
}
