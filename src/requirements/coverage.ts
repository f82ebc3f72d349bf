import type { Capability } from '../capabilities';
import { binds, REQUIREMENT_CATALOGUE } from './catalogue';
import type { CatalogueEntry, RequirementRole, TestabilityKind } from './catalogue-types';

/** What coverage needs to know of a scenario: the requirements it and its steps name. */
export interface CoverageScenario {
  readonly id: string;
  readonly requirements: readonly string[];
  readonly stepRequirements?: readonly string[];
}

export type CoverageParty = 'Seller' | 'Buyer';

export interface CoverageRow {
  readonly id: string;
  readonly role: RequirementRole;
  readonly summary: string;
  readonly testability: TestabilityKind;
  readonly capability?: Capability;
  readonly why?: string;
  /** Ids of the scenarios that name the requirement, in input order. */
  readonly scenarios: string[];
}

export interface CoverageResult {
  readonly party: CoverageParty;
  /** One row per requirement binding the party (role = party or Both), in document order. */
  readonly rows: CoverageRow[];
  /** Requirements of the party named by at least one scenario. */
  readonly covered: number;
  /** Requirements of the party that are not untestable. */
  readonly coverable: number;
  /** All requirements of the party. */
  readonly total: number;
  /** Ids the scenarios name that the catalogue does not know (typos, MEF 123 numbers, …), sorted. */
  readonly unknown: string[];
}

function rowOf(entry: CatalogueEntry, scenarios: string[]): CoverageRow {
  const base = {
    id: entry.id,
    role: entry.role,
    summary: entry.summary,
    testability: entry.testability,
    scenarios,
  };
  if (entry.testability === 'conditional') return { ...base, capability: entry.capability };
  if (entry.testability === 'untestable') return { ...base, why: entry.why };
  return base;
}

/**
 * Which scenarios cover each requirement binding `party`. A scenario covers a requirement when it lists
 * it, or when one of its steps does. Verdict-free: this is what the catalogue could test, not what a run
 * found.
 */
export function coverage(
  scenarios: readonly CoverageScenario[],
  party: CoverageParty,
  catalogue: readonly CatalogueEntry[] = REQUIREMENT_CATALOGUE,
): CoverageResult {
  const named = scenarios.map((s) => ({
    id: s.id,
    ids: new Set([...s.requirements, ...(s.stepRequirements ?? [])]),
  }));
  const rows = catalogue
    .filter((e) => binds(e, party))
    .map((e) =>
      rowOf(
        e,
        named.filter((s) => s.ids.has(e.id)).map((s) => s.id),
      ),
    );
  const known = new Set(catalogue.map((e) => e.id));
  const unknown = [...new Set(named.flatMap((s) => [...s.ids]))].filter((id) => !known.has(id)).sort();
  return {
    party,
    rows,
    covered: rows.filter((r) => r.scenarios.length > 0).length,
    coverable: rows.filter((r) => r.testability !== 'untestable').length,
    total: rows.length,
    unknown,
  };
}

function testabilityLabel(row: CoverageRow): string {
  return row.capability ? `${row.testability} (${row.capability})` : row.testability;
}

function coverageLabel(row: CoverageRow): string {
  if (row.scenarios.length > 0) return row.scenarios.join(', ');
  if (row.testability === 'untestable') return `(untestable: ${row.why ?? 'no reason given'})`;
  return '(not covered)';
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

/**
 * A plain-text table: id, role, testability and the covering scenarios (or why there are none), the
 * summary indented below, and a closing count line.
 */
export function formatCoverage(result: CoverageResult): string {
  const header = ['ID', 'ROLE', 'TESTABILITY', 'SCENARIOS'];
  const cells = result.rows.map((r) => [r.id, r.role, testabilityLabel(r), coverageLabel(r)]);
  const width = (col: number): number => Math.max(...[header, ...cells].map((c) => (c[col] ?? '').length));
  const widths = [width(0), width(1), width(2)];
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  const indent = ' '.repeat((widths[0] ?? 0) + 2);
  const out = [line(header)];
  result.rows.forEach((r, i) => out.push(line(cells[i] ?? []), `${indent}${r.summary}`));
  const untestable = result.total - result.coverable;
  out.push(
    '',
    `${result.party}-binding requirements covered: ${result.covered} of ${result.total} ` +
      `(${percent(result.covered, result.total)}%); ${untestable} untestable`,
  );
  if (result.unknown.length > 0)
    out.push(`Named by scenarios but not in the catalogue: ${result.unknown.join(', ')}`);
  return `${out.join('\n')}\n`;
}
