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

export interface Scenario {
  readonly id: string;
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
  | SetStep;

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
] as const satisfies readonly StepKind[];
