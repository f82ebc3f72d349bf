import type { RequirementInfo } from '../run/verdicts';

/**
 * Requirements of the Mplify 123.1 developer guide that bind the Seller, with a one-line summary in our
 * own words and the MEF 57.2 requirement each traces to. Ids follow the guide; the statements themselves
 * are in the guide (not reproduced here).
 */
export interface CatalogueEntry extends RequirementInfo {
  readonly role: 'Seller' | 'Buyer' | 'Both';
  readonly traces: readonly string[];
}

export const REQUIREMENT_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'R1',
    role: 'Seller',
    traces: ['MEF57.2 R1'],
    summary: 'Create, list and retrieve product orders are supported',
  },
  {
    id: 'R17',
    role: 'Seller',
    traces: ['MEF57.2 R19', 'MEF57.2 R33'],
    summary: 'The create response echoes every Buyer attribute unchanged',
  },
  {
    id: 'R18',
    role: 'Seller',
    traces: ['MEF57.2 R16'],
    summary: 'The Seller sets id, orderDate, items, state, stateChange and a sellerContact',
  },
  { id: 'R19', role: 'Seller', traces: [], summary: 'A product order id never changes' },
  {
    id: 'R20',
    role: 'Seller',
    traces: ['MEF57.2 R20', 'MEF57.2 R57'],
    summary: 'The order stateChange holds the full state history',
  },
  { id: 'R23', role: 'Seller', traces: ['MEF57.2 R32'], summary: 'Every item carries state and stateChange' },
  {
    id: 'R24',
    role: 'Seller',
    traces: ['MEF57.2 R51', 'MEF57.2 R60'],
    summary: 'Each item stateChange holds the full state history',
  },
  {
    id: 'R28',
    role: 'Seller',
    traces: ['MEF57.2 R36'],
    summary: 'A cancelled or failed item has no expectedCompletionDate',
  },
  {
    id: 'R29',
    role: 'Seller',
    traces: ['MEF57.2 R37'],
    summary: 'An inProgress item has an expectedCompletionDate',
  },
  {
    id: 'R30',
    role: 'Seller',
    traces: ['MEF57.2 R38'],
    summary: 'Only a completed item has a completionDate',
  },
  { id: 'R47', role: 'Seller', traces: ['MEF57.2 R21'], summary: 'A completed order has a completionDate' },
  {
    id: 'R60',
    role: 'Seller',
    traces: ['MEF57.2 R99'],
    summary: 'List items carry id, dates, externalId, projectId and state when set',
  },
  {
    id: 'R61',
    role: 'Seller',
    traces: ['MEF57.2 R101'],
    summary: 'A list with no match is 200 with an empty array',
  },
  {
    id: 'R64',
    role: 'Seller',
    traces: ['MEF57.2 R103'],
    summary: 'States and attributes follow the state tables',
  },
];
