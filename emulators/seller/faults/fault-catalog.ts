import type { Capability } from '../../../src/capabilities';

/**
 * Deliberate deviations the Seller emulator can be told to make (profile `faults:`), each a realistic
 * departure from a named requirement. The conformance self-check (`lso-harness selfcheck`) runs the catalog
 * against each one and expects at least one scenario to catch it. None is on by default: an empty list is a
 * faithful Seller.
 *
 * `kind` says where a fault lives: `response` faults rewrite what the Seller hears or says on the wire
 * (faults/wire-faults.ts, applied by faults/apply-response-faults.ts); `behaviour` faults change what it
 * does (small `ctx.fault(name)` hooks in the engine, routes and notifications, with their code in
 * faults/*-faults.ts).
 */
export interface FaultDefinition {
  readonly name: string;
  /**
   * What the fault breaks: requirement ids of the catalogue (`R17`, `CR7`…), a section of the guide
   * (`§6.16`) for a rule without an id, or `OAS: …` for a rule the OpenAPI file states (status, media type,
   * error body).
   */
  readonly requirements: readonly string[];
  /** One line: what the Seller does wrong. */
  readonly summary: string;
  readonly kind: 'response' | 'behaviour';
  /**
   * Optional bundles the Seller must lack for the fault to show (it misanswers their operations): the
   * self-check switches them off for this fault, and for its own baseline.
   */
  readonly without?: readonly Capability[];
}

const response = (
  name: string,
  requirements: readonly string[],
  summary: string,
  extra: Partial<FaultDefinition> = {},
): FaultDefinition => ({ name, requirements, summary, kind: 'response', ...extra });
const behaviour = (name: string, requirements: readonly string[], summary: string): FaultDefinition => ({
  name,
  requirements,
  summary,
  kind: 'behaviour',
});

export const FAULT_CATALOG: readonly FaultDefinition[] = [
  // UC 1: create
  response('create-answers-200', ['R1', 'OAS: 201 Created'], 'a new order is answered 200 instead of 201'),
  response(
    'create-answers-in-progress',
    ['R18'],
    "the create response says state 'inProgress', not 'acknowledged'",
  ),
  behaviour('no-seller-contact', ['R18'], 'the order carries no contact with role sellerContact'),
  behaviour(
    'external-id-truncated',
    ['R17'],
    'externalId is cut to 32 characters when stored (a short database column)',
  ),
  behaviour(
    'drops-coordinated-action',
    ['R17'],
    'item coordinatedAction is silently dropped instead of echoed',
  ),
  // UC 1/4: order lifecycle and attributes by state
  response(
    'retrieve-returns-other-id',
    ['R19'],
    "retrieve answers with the Seller's internal order number as id",
  ),
  behaviour(
    'order-history-not-kept',
    ['R20'],
    'order stateChange keeps only the first entry; later changes are not added',
  ),
  behaviour(
    'item-history-current-only',
    ['R24'],
    'item stateChange holds only the current state, not the whole history',
  ),
  behaviour(
    'in-progress-without-expected-date',
    ['R29', 'R48'],
    'an item moves to inProgress without an expectedCompletionDate',
  ),
  behaviour(
    'completion-date-before-completed',
    ['R30', 'R51'],
    'an item in progress already shows completionDate (set to the expected date)',
  ),
  behaviour('completed-without-completion-date', ['R47'], 'a completed order carries no completionDate'),
  behaviour(
    'failed-item-keeps-expected-date',
    ['R28', 'R49'],
    'a failed or cancelled item keeps its expectedCompletionDate',
  ),
  behaviour(
    'rejected-without-termination-error',
    ['R64'],
    'a rejected item does not say why (no terminationError)',
  ),
  behaviour(
    'skips-in-progress',
    ['R20', 'R64'],
    'an order goes acknowledged → completed in one step (an illegal transition)',
  ),
  behaviour(
    'cancel-reopens-completed-order',
    ['R64', 'CR2'],
    'a cancel request on a completed order reopens it (completed → inProgress) and cancels it',
  ),
  // UC 3: lists
  response('list-ignores-state-filter', ['R60', 'O10'], 'the order list ignores the state filter'),
  response(
    'list-ignores-date-filters',
    ['O10'],
    'the order list ignores date-range filters (orderDate.gt, completionDate.lt, …)',
  ),
  response('list-ignores-limit', ['D5'], 'lists ignore limit and answer every match'),
  response(
    'list-total-count-wrong',
    ['CR7', 'D5'],
    'X-Total-Count gives the size of the page, not the number of matches',
  ),
  response(
    'list-no-match-404',
    ['R61', 'R72', 'R80', 'R101'],
    'a list query without a match answers 404 instead of 200 []',
  ),
  response(
    'ignores-buyer-id',
    ['R2'],
    'the buyerId query parameter is ignored: every Buyer sees every order',
  ),
  // errors and media type
  response('not-found-without-code', ['OAS: Error404.code'], 'a 404 body has no code'),
  response(
    'error-422-not-array',
    ['OAS: 422 is Error422[]'],
    'a 422 body is one Error422 object instead of an array',
  ),
  response(
    'bad-body-answers-500',
    ['OAS: 400 invalidBody'],
    'a request body that is not JSON answers 500 internalError instead of 400',
  ),
  response('json-as-text-plain', ['OAS: application/json;charset=utf-8'], 'JSON bodies go out as text/plain'),
  response(
    'unsupported-answers-404',
    ['O1', 'CR2'],
    'the operations of a bundle the Seller lacks answer 404 instead of 501 notImplemented',
    {
      without: ['cancel'],
    },
  ),
  // UC 8: cancel
  response(
    'cancel-without-seller-contact',
    ['R78'],
    'the cancel response has no cancelProductOrderSellerContact',
  ),
  // UC 11-14: charges
  behaviour(
    'item-charge-not-referenced',
    ['R27'],
    'an item held for a charge does not reference it in its charge attribute',
  ),
  behaviour(
    'charge-partial-answer-accepted',
    ['R96', 'R97'],
    'a charge answer that leaves charge items unanswered (or names unknown ones) is accepted and closes the charge',
  ),
  behaviour(
    'charge-timeout-items-not-declined',
    ['R98'],
    'a timed-out charge leaves its items awaitingResponse instead of declinedByBuyer',
  ),
  // UC 15-16: hubs and notifications
  response(
    'hub-delete-200-with-body',
    ['R107'],
    'unregistering a hub answers 200 with the hub instead of 204 without a body',
  ),
  behaviour(
    'hub-delete-deferred',
    ['R108', 'R106'],
    'a deleted hub stays registered (and notified) for another day',
  ),
  behaviour(
    'notifies-acknowledged',
    ['R109', '§6.16'],
    'order and item notifications are sent for reaching acknowledged',
  ),
  behaviour(
    'notifies-before-create-response',
    ['R109', '§6.16'],
    'the first notifications about an order arrive before its create response',
  ),
  behaviour(
    'notifies-unregistered-types',
    ['R108'],
    'hubs receive every event type, not only those they registered for',
  ),
  behaviour('no-notifications', ['R109', 'R104'], 'hubs are accepted but no notification is ever sent'),
  behaviour(
    'item-event-without-item-id',
    ['R113', 'R114', 'R115'],
    'item notifications leave out orderItemId',
  ),
];

export const KNOWN_FAULTS: readonly string[] = FAULT_CATALOG.map((f) => f.name);

export function faultNamed(name: string): FaultDefinition | undefined {
  return FAULT_CATALOG.find((f) => f.name === name);
}
