/**
 * A loaded scenario, as the runner executes it. The loader has already checked it (schema, operations,
 * event types, fixtures, durations, templates, variables) and normalised it: durations in milliseconds,
 * literal matchers turned into `{ equals }`, event types in their canonical (v11) spelling, default
 * expectations filled in. Nothing here is code: templates and matchers are data that
 * `renderTemplate` and `evaluateMatcher` interpret. See docs/SCENARIO-FORMAT.md.
 */
import type { Capability } from '../capabilities';
import type { ApiVersionId } from '../spec/api-versions';
import type { Expectation, MatcherEntry } from './expectation-types';
import type { JsonObject, JsonValue } from './json';

export type * from './expectation-types';
export type { JsonObject, JsonScalar, JsonValue, Variables } from './json';

/** Where something was written: 1-based line and column in a scenario file. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Who is under test. `seller` (the default): the harness plays the Buyer against a Seller. `buyer`: the
 * harness plays the Seller (its emulator) and a candidate Buyer talks to it (docs/BUYER-TESTING.md).
 * A run executes the scenarios of its role only.
 */
export type ScenarioRole = 'seller' | 'buyer';
export const SCENARIO_ROLES = ['seller', 'buyer'] as const satisfies readonly ScenarioRole[];

/**
 * What a Buyer scenario asks of the Buyer under test (`LSO_BUYER_TASK` for a `--buyer-command`, words on
 * the console for a person): place an order and follow it (`order`), and also cancel it once it is in
 * progress (`cancel`), ask for a new delivery date (`modify-date`) or add a note to it (`update`).
 */
export const BUYER_TASKS = ['order', 'cancel', 'modify-date', 'update'] as const;
export type BuyerTask = (typeof BUYER_TASKS)[number];

export interface Scenario {
  readonly id: string;
  /** `seller` unless the file says `role: buyer`. */
  readonly role: ScenarioRole;
  /** Buyer scenarios: what the Buyer under test is asked to do (default `order`). */
  readonly buyerTask?: BuyerTask;
  /**
   * Buyer scenarios: the Seller emulator's behaviour for this scenario, a profile overlay as written
   * (docs/SELLER-EMULATOR.md#profiles), already checked by the loader.
   */
  readonly seller?: JsonObject;
  readonly title: string;
  readonly description?: string;
  /** Requirement ids the scenario bears on (`R10`, `CR4`, …); every finding of the scenario carries them. */
  readonly requirements: readonly string[];
  /** Optional bundles the target must support; otherwise the scenario is not applicable. */
  readonly capabilities: readonly Capability[];
  /**
   * Bundles the target must NOT support: the scenario checks how a Seller without them answers (501
   * notImplemented, [O1]). A target that declares one of them makes the scenario not applicable.
   */
  readonly unsupported: readonly Capability[];
  readonly tags: readonly string[];
  /** API variants the scenario applies to; absent: all of them. */
  readonly api?: readonly ApiVersionId[];
  /** Folder, relative to each fixture root, that `$fixture` paths start from (`''`: the roots). */
  readonly fixtures: string;
  /** Variables set before the first step, in order; values may hold templates (rendered at start). */
  readonly vars: readonly VariableAssignment[];
  /** Budget for the whole scenario on the run's clock, if the author set one. */
  readonly timeoutMs?: number;
  readonly steps: readonly Step[];
  /** The scenario file, as the loader found it (the argument joined with the relative path). */
  readonly file: string;
  readonly location: SourceLocation;
}

/** Fields every step has. */
export interface StepBase {
  /** 0-based position in `steps`. */
  readonly index: number;
  readonly name?: string;
  /** Requirement ids added to the scenario's for findings of this step. */
  readonly requirements: readonly string[];
  /** A failure of an optional step is reported as a warning and does not fail the scenario. */
  readonly optional: boolean;
  /** On failure, the scenario fails but the following steps still run (default: they are skipped). */
  readonly continueOnFailure: boolean;
  /** API variants this step runs on; absent: every variant the scenario runs on. */
  readonly api?: readonly ApiVersionId[];
  readonly location: SourceLocation;
}

/** Path and query parameter values; arrays repeat the query parameter (`eventType=a&eventType=b`). */
export type ParamValue = string | number | boolean | readonly (string | number | boolean)[];

/** A request body: inline JSON, or a fixture file (already read) edited by `merge`, `set` and `remove`. */
export type RequestBody =
  | { readonly kind: 'inline'; readonly value: JsonValue }
  | {
      readonly kind: 'fixture';
      /** As written after `$fixture:`. */
      readonly fixture: string;
      /** Absolute path of the file that was read. */
      readonly file: string;
      readonly content: JsonValue;
      /** JSON Merge Patch (RFC 7386) applied first. */
      readonly merge?: JsonValue;
      /** Then these paths are set (created if missing; `[*]` sets every element). */
      readonly set: readonly { readonly path: string; readonly value: JsonValue }[];
      /** Then these paths are removed. */
      readonly remove: readonly string[];
    };

/** Deliberately malformed input, sent verbatim (templates rendered). */
export interface RawRequest {
  /** Replaces `body`; sent as is, e.g. broken JSON. */
  readonly body?: string;
  /** Content-Type sent with `body` (default `application/json;charset=utf-8`). */
  readonly contentType?: string;
  /** Appended to the query string as is, e.g. an unknown or repeated parameter. */
  readonly query?: string;
}

/** `var: path` (into the response body or notification) or `var: { header: name }`. */
export type SaveEntry =
  | { readonly var: string; readonly from: 'body'; readonly path: string; readonly location: SourceLocation }
  | {
      readonly var: string;
      readonly from: 'header';
      readonly header: string;
      readonly location: SourceLocation;
    };

export interface VariableAssignment {
  readonly var: string;
  readonly value: JsonValue;
  readonly location: SourceLocation;
}

export interface RequestStep extends StepBase {
  readonly kind: 'request';
  /** operationId of the management API (`createProductOrder`). */
  readonly op: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly body?: RequestBody;
  readonly headers: Readonly<Record<string, string>>;
  readonly raw?: RawRequest;
  /** false: send without the run's credentials (401 tests). */
  readonly auth: boolean;
  readonly expect: Expectation;
  readonly save: readonly SaveEntry[];
}

export interface PollStep extends StepBase {
  readonly kind: 'poll';
  readonly op: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Repeat until every matcher holds on the response body… */
  readonly until: readonly MatcherEntry[];
  /** …or this much of the run's clock has passed since the first request (then the step fails). */
  readonly withinMs: number;
  readonly everyMs: number;
  /** Judged on every response (default: the operation's success status, schema on). */
  readonly expect: Expectation;
  /** Taken from the last response. */
  readonly save: readonly SaveEntry[];
}

export interface AwaitNotificationStep extends StepBase {
  readonly kind: 'await-notification';
  /** Any of these event types (canonical v11 names; see `wireEventType`). */
  readonly types: readonly string[];
  /** Matchers on the whole notification body (`event.id`, `eventType`, `event.state`). */
  readonly where: readonly MatcherEntry[];
  readonly withinMs: number;
  /** How many matching notifications must arrive (default 1). */
  readonly count: number;
  /** Taken from the first matching notification. */
  readonly save: readonly SaveEntry[];
}

export interface ExpectNoNotificationStep extends StepBase {
  readonly kind: 'expect-no-notification';
  /** Empty: any event type. */
  readonly types: readonly string[];
  readonly where: readonly MatcherEntry[];
  readonly withinMs: number;
}

export interface RegisterHubStep extends StepBase {
  readonly kind: 'register-hub';
  /** `EventSubscriptionInput.query` (`eventType=a,b`); absent: every event type. */
  readonly query?: string;
  /** `'listener'`: the harness's own Buyer listener; otherwise a URL (template). */
  readonly callback: string;
  readonly expect: Expectation;
  readonly save: readonly SaveEntry[];
}

export interface UnregisterHubStep extends StepBase {
  readonly kind: 'unregister-hub';
  /** Hub id (template, usually `${hubId}`). */
  readonly id: string;
  readonly expect: Expectation;
}

/** What the embedded Seller emulator can be told to do (docs/SCENARIO-FORMAT.md#control). */
export { CONTROL_ACTIONS, type ControlAction } from '../control-actions';
import type { ControlAction } from '../control-actions';

/** Drives the embedded Seller emulator; not applicable against a real Seller. */
export interface ControlStep extends StepBase {
  readonly kind: 'control';
  readonly action: ControlAction;
  /** Ids (templates) of what the action applies to. */
  readonly order?: string;
  readonly item?: string;
  readonly charge?: string;
  /** A cancel or modify-date request id. */
  readonly task?: string;
  readonly args: JsonObject;
  /** Taken from the emulator's answer (e.g. the id of a raised charge). */
  readonly save: readonly SaveEntry[];
}

/** Asks a person with a real back office to act; skipped (status `skipped`) when `CI=true`. */
export interface PromptStep extends StepBase {
  readonly kind: 'prompt';
  readonly message: string;
  /** Absent: wait until the person confirms. */
  readonly timeoutMs?: number;
}

export interface SleepStep extends StepBase {
  readonly kind: 'sleep';
  /** On the run's clock. */
  readonly durationMs: number;
}

export interface SetStep extends StepBase {
  readonly kind: 'set';
  /** Rendered and assigned in order; a value may use the ones before it. */
  readonly values: readonly VariableAssignment[];
}

/**
 * Buyer scenarios: waits until the Buyer under test has sent a request for `op` to the Seller emulator
 * that the `where` matchers accept, judged on a view of it: `{ op, method, path, params, query, body,
 * status, response, at }` (`body`/`response`: parsed JSON; `status`: the emulator's answer; `at`: when it
 * arrived, on the run clock). Takes the oldest unclaimed match (also one sent before the step began).
 */
export interface ExpectBuyerRequestStep extends StepBase {
  readonly kind: 'expect-buyer-request';
  /** operationId of the management API. */
  readonly op: string;
  readonly where: readonly MatcherEntry[];
  readonly withinMs: number;
  readonly count: number;
  /** Taken from the view of the first match (`orderId: response.id`). */
  readonly save: readonly SaveEntry[];
}

/**
 * Buyer scenarios: waits until the Seller emulator has delivered a matching event to the Buyer's
 * listener, and judges the listener's answer to the first attempt (`expect.status`, default 204).
 */
export interface ExpectDeliveryStep extends StepBase {
  readonly kind: 'expect-delivery';
  /** Canonical (v11) event types; the run's version spelling is matched. */
  readonly types: readonly string[];
  /** Matchers on the event body (`event.id`, `eventTime`, `event.state`…). */
  readonly where: readonly MatcherEntry[];
  readonly withinMs: number;
  readonly count: number;
  /** Only `status` applies (the emulator keeps no listener response body). */
  readonly expect: Expectation;
  /** Taken from the first matching event body. */
  readonly save: readonly SaveEntry[];
}

/** What a `send-event` step posts to the Buyer's listener. */
export type SendEventSource =
  /** A well-formed event of the type: envelope built by the harness, this payload (templates rendered). */
  | { readonly kind: 'event'; readonly payload: JsonObject }
  /** A delivered event of the type, again, byte for byte (same eventId): a duplicate, late when `first`. */
  | { readonly kind: 'replay'; readonly which: 'first' | 'last' }
  /** This JSON body as is (templates rendered): e.g. an event missing a required attribute. */
  | { readonly kind: 'body'; readonly value: JsonValue }
  /** This text as is: e.g. broken JSON. */
  | { readonly kind: 'raw'; readonly text: string; readonly contentType?: string };

/**
 * Buyer scenarios: the Seller emulator posts an event of its own making to every hub the Buyer registered
 * for `type` (malformed, duplicate or late events), and judges the listener's answer (default 204).
 */
export interface SendEventStep extends StepBase {
  readonly kind: 'send-event';
  /** Canonical (v11) event type: decides the listener path. */
  readonly type: string;
  readonly source: SendEventSource;
  /** `status` (default 204), and `body` matchers on the listener's error body. */
  readonly expect: Expectation;
}

export type Step =
  | RequestStep
  | PollStep
  | AwaitNotificationStep
  | ExpectNoNotificationStep
  | RegisterHubStep
  | UnregisterHubStep
  | ControlStep
  | PromptStep
  | SleepStep
  | SetStep
  | ExpectBuyerRequestStep
  | ExpectDeliveryStep
  | SendEventStep;

export type StepKind = Step['kind'];

export const STEP_KINDS = [
  'request',
  'poll',
  'await-notification',
  'expect-no-notification',
  'register-hub',
  'unregister-hub',
  'control',
  'prompt',
  'sleep',
  'set',
  'expect-buyer-request',
  'expect-delivery',
  'send-event',
] as const satisfies readonly StepKind[];

/** Step kinds each role may use (the rest are shared: control, sleep, set). */
export const ROLE_ONLY_STEP_KINDS: Readonly<Record<ScenarioRole, readonly StepKind[]>> = {
  seller: [
    'request',
    'poll',
    'await-notification',
    'expect-no-notification',
    'register-hub',
    'unregister-hub',
    'prompt',
  ],
  buyer: ['expect-buyer-request', 'expect-delivery', 'send-event'],
};
