/**
 * Expectations and matchers: what a step checks. Plain data interpreted by `evaluateMatcher` and
 * `evaluateExpectation` (src/scenario/matchers.ts, evaluate-expectation.ts).
 */
import type { JsonTypeName, JsonValue } from './json';
import type { SourceLocation } from './types';

/**
 * One or more operators; all must hold. The loader turns a literal (`state: completed`) into
 * `{ equals: 'completed' }` and `length: 2` into `length: { equals: 2 }`. Strings in expected values
 * are templates (`'${orderId}'`), rendered when the matcher is evaluated; `matches` and `type` are not.
 */
export interface Matcher {
  /** Deep equality (object key order ignored). */
  readonly equals?: JsonValue;
  /** Deep-equal to one of these. */
  readonly oneOf?: readonly JsonValue[];
  /** true: the path reaches a value (`null` counts); false: it does not. */
  readonly exists?: boolean;
  /** JavaScript regular expression, unanchored, tested against a string. */
  readonly matches?: string;
  /** Substring of a string; element of an array (objects: an element containing these keys); subset of an object. */
  readonly contains?: JsonValue;
  /** Length of a string or an array. */
  readonly length?: Matcher;
  /** Order: numbers (numeric strings too, for headers) or ISO 8601 date-times. */
  readonly gt?: number | string;
  readonly gte?: number | string;
  readonly lt?: number | string;
  readonly lte?: number | string;
  /** Deep-equal to the value of one template expression (`'${orderId}'`), keeping its type. */
  readonly same?: string;
  readonly type?: JsonTypeName;
  readonly not?: Matcher;
  /** Array quantifiers: every / at least one / no element satisfies the matcher. */
  readonly all?: Matcher;
  readonly any?: Matcher;
  readonly none?: Matcher;
}

export type MatcherOperator = keyof Matcher;

/** `path: matcher` as written under `body:`, `until:`, `where:` or `headers:`. */
export interface MatcherEntry {
  /** Selector (`state`, `productOrderItem[0].state`, `$.id`, `productOrderItem[*].state`) or header name. */
  readonly path: string;
  readonly matcher: Matcher;
  readonly location: SourceLocation;
}

/** What a response must look like. Absent keys check nothing, except `status` and `schema`. */
export interface Expectation {
  /** Any of these statuses. Default: the operation's documented success status. */
  readonly status: readonly number[];
  /** Validate the body against the operation's documented response for that status (default true). */
  readonly schema: boolean;
  /** Matchers on the parsed response body. */
  readonly body: readonly MatcherEntry[];
  /** Matchers on response headers; names are case-insensitive, values are strings. */
  readonly headers: readonly MatcherEntry[];
  /** The MEF error `code` is one of these (for a 422 array: at least one element's). */
  readonly errorCode?: readonly string[];
  /** The Seller must echo the Buyer-provided attributes of the request body (a check elsewhere). */
  readonly echo: boolean;
  /** Length of the (array) response body. */
  readonly count?: Matcher;
}
