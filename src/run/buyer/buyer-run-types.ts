import type { HttpClient, IdGenerator } from '../../../emulators/buyer';
import type { DeliveryAttempt } from '../../../emulators/seller/notify/dispatcher';
import type { Clock } from '../../clock';
import type { Exchange } from '../../results';
import type { BuyerTask } from '../../scenario/types';
import type { ApiSpec, ProductSchemaRegistry } from '../../spec';
import type { RunEnvironment, ScenarioState } from '../run-context';
import type { BuyerProcess } from './buyer-process';
import type { SellerHub, SellerSlot } from './seller-hub';

/** How the Buyer under test is driven: a command the harness starts per scenario, or someone else. */
export type BuyerDriver =
  | { readonly kind: 'command'; readonly command: string }
  /** A person or an automation acts within the windows announced through `announce`. */
  | { readonly kind: 'announced'; announce(text: string): void };

/** What every scenario of a buyer-testing run shares. */
export interface BuyerRunEnvironment {
  readonly spec: ApiSpec;
  readonly clock: Clock;
  readonly hub: SellerHub;
  readonly products: ProductSchemaRegistry;
  /** The harness's own HTTP client (control calls, events it sends on purpose). */
  readonly client: HttpClient;
  readonly ids: IdGenerator;
  readonly driver: BuyerDriver;
  readonly runId: string;
  readonly signal: AbortSignal;
  readonly disabledChecks: ReadonlySet<string>;
  /**
   * Real milliseconds the Buyer has, from its start, to send its first request; the first
   * `expect-buyer-request` window counts from then (a process start is not the Buyer's protocol).
   */
  readonly startupGraceMs: number;
  /** Real milliseconds between looks at the records. */
  readonly pollRealMs: number;
  /** The Buyer processes running now, so that an abrupt exit of the harness can take them along. */
  readonly live: Set<BuyerProcess>;
}

/** One Buyer scenario while it runs: the Seller slot, the Buyer process, what the steps have judged. */
export interface BuyerScenarioState extends ScenarioState {
  readonly slot: SellerSlot;
  readonly buyer?: BuyerProcess;
  readonly task: BuyerTask;
  /** The Seller-mode environment the shared steps (control, set, sleep) run in. */
  readonly base: RunEnvironment;
  /** `seq` of the Buyer requests a step has judged. */
  readonly claimedRequests: Set<number>;
  /** `hubId eventId` of the events a step has judged. */
  readonly claimedEvents: Set<string>;
  /** Exchange ids given to delivery attempts, so an attempt keeps one id. */
  readonly deliveryIds: Map<DeliveryAttempt, string>;
  /** Exchanges that evidence a finding of the final judgement. */
  readonly evidence: Map<string, Exchange>;
  /** Resource ids named by events the harness made up (send-event `event:`). */
  readonly madeUpIds: Set<string>;
  /** Real time at which the Buyer was started (or announced). */
  readonly startedRealMs: number;
}
