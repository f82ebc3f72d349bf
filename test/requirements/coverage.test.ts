import type { CatalogueEntry } from '../../src/requirements/catalogue';
import { REQUIREMENT_CATALOGUE } from '../../src/requirements/catalogue';
import { coverage, formatCoverage } from '../../src/requirements/coverage';

const common = { kind: 'R', section: '6.1.5', useCases: ['1'], traces: [], mef123: [] } as const;
const CATALOGUE: CatalogueEntry[] = [
  { ...common, id: 'R1', role: 'Seller', testability: 'automatic', summary: 'Seller rule one' },
  { ...common, id: 'R2', role: 'Buyer', testability: 'buyer-side', summary: 'Buyer rule two' },
  { ...common, id: 'R3', role: 'Both', testability: 'automatic', summary: 'Shared rule three' },
  {
    ...common,
    id: 'R4',
    role: 'Seller',
    testability: 'conditional',
    capability: 'cancel',
    summary: 'Seller rule four',
  },
  {
    ...common,
    id: 'R5',
    role: 'Seller',
    testability: 'untestable',
    why: 'policy',
    summary: 'Seller rule five',
  },
];

const SCENARIOS = [
  { id: 'S-A', requirements: ['R1', 'R3'] },
  { id: 'S-B', requirements: ['R1'], stepRequirements: ['R4', 'R2'] },
  { id: 'S-C', requirements: ['R99'], stepRequirements: ['R1'] },
];

describe('coverage', () => {
  it('counts the Seller-binding requirements (Seller and Both) and who covers them', () => {
    const result = coverage(SCENARIOS, 'Seller', CATALOGUE);
    expect(result.rows.map((r) => [r.id, r.scenarios])).toEqual([
      ['R1', ['S-A', 'S-B', 'S-C']],
      ['R3', ['S-A']],
      ['R4', ['S-B']],
      ['R5', []],
    ]);
    expect(result).toMatchObject({ party: 'Seller', covered: 3, coverable: 3, total: 4, unknown: ['R99'] });
    expect(result.rows[2]).toMatchObject({ testability: 'conditional', capability: 'cancel' });
    expect(result.rows[3]).toMatchObject({ testability: 'untestable', why: 'policy' });
  });

  it('counts the Buyer-binding requirements (Buyer and Both)', () => {
    const result = coverage(SCENARIOS, 'Buyer', CATALOGUE);
    expect(result.rows.map((r) => r.id)).toEqual(['R2', 'R3']);
    expect(result).toMatchObject({ covered: 2, coverable: 2, total: 2 });
  });

  it('reports nothing covered without scenarios, and uses the real catalogue by default', () => {
    const result = coverage([], 'Seller');
    expect(result.covered).toBe(0);
    expect(result.total).toBe(REQUIREMENT_CATALOGUE.filter((e) => e.role !== 'Buyer').length);
    expect(result.coverable).toBe(
      REQUIREMENT_CATALOGUE.filter((e) => e.role !== 'Buyer' && e.testability !== 'untestable').length,
    );
  });
});

describe('formatCoverage', () => {
  it('prints a table with scenarios, gaps and reasons, and a closing count', () => {
    const text = formatCoverage(coverage(SCENARIOS, 'Seller', CATALOGUE));
    expect(text).toBe(
      [
        'ID  ROLE    TESTABILITY           SCENARIOS',
        'R1  Seller  automatic             S-A, S-B, S-C',
        '    Seller rule one',
        'R3  Both    automatic             S-A',
        '    Shared rule three',
        'R4  Seller  conditional (cancel)  S-B',
        '    Seller rule four',
        'R5  Seller  untestable            (untestable: policy)',
        '    Seller rule five',
        '',
        'Seller-binding requirements covered: 3 of 4 (75%); 1 untestable',
        'Named by scenarios but not in the catalogue: R99',
        '',
      ].join('\n'),
    );
  });

  it('marks an uncovered testable requirement and handles an empty table', () => {
    const text = formatCoverage(coverage([], 'Buyer', CATALOGUE));
    expect(text).toContain('R2  Buyer  buyer-side   (not covered)');
    expect(text).toContain('Buyer-binding requirements covered: 0 of 2 (0%); 0 untestable');
    expect(formatCoverage(coverage([], 'Seller', []))).toContain('covered: 0 of 0 (0%); 0 untestable');
  });
});
