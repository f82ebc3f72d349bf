import { isCapability } from '../../src/capabilities';
import { binds, catalogueEntry, kindOf, REQUIREMENT_CATALOGUE } from '../../src/requirements/catalogue';
import { loadSource, parseUseCases } from './support/source';

const range = (prefix: string, last: number): string[] =>
  Array.from({ length: last }, (_, i) => `${prefix}${i + 1}`);
const ALL_IDS = [...range('R', 115), ...range('D', 5), ...range('O', 19), ...range('CR', 9)];

describe('requirement catalogue: shape', () => {
  it('holds every Mplify 123.1 id exactly once and nothing else', () => {
    const ids = REQUIREMENT_CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...ALL_IDS].sort());
  });

  it.each(REQUIREMENT_CATALOGUE.map((e) => [e.id, e] as const))('%s has a short summary', (_id, e) => {
    expect(e.summary.trim()).not.toBe('');
    expect(e.summary.length).toBeLessThanOrEqual(120);
    expect(e.summary).toBe(e.summary.trim());
  });

  it('names a known capability on every conditional entry and a reason on every untestable one', () => {
    for (const e of REQUIREMENT_CATALOGUE) {
      if (e.testability === 'conditional') expect([e.id, isCapability(e.capability)]).toEqual([e.id, true]);
      if (e.testability === 'untestable') expect([e.id, e.why.trim().length > 0]).toEqual([e.id, true]);
    }
  });

  it('judges Buyer-only requirements in Buyer-testing mode and the rest against a Seller', () => {
    for (const e of REQUIREMENT_CATALOGUE) {
      if (e.role === 'Buyer') expect([e.id, e.testability]).not.toEqual([e.id, 'automatic']);
      if (e.role === 'Buyer') expect([e.id, e.testability]).not.toEqual([e.id, 'conditional']);
      if (e.role !== 'Buyer') expect([e.id, e.testability]).not.toEqual([e.id, 'buyer-side']);
    }
  });

  it('derives kind from the id and carries section, use cases and MEF 123 ids', () => {
    for (const e of REQUIREMENT_CATALOGUE) {
      expect(e.kind).toBe(kindOf(e.id));
      expect(e.section).toMatch(/^[5-7](\.\d+)+$/);
      expect(e.useCases.length).toBeGreaterThan(0);
    }
    expect(catalogueEntry('R17')?.mef123).toEqual(['R16']);
    expect(catalogueEntry('O10')?.mef123).toEqual(['O9', 'O10']);
    expect(catalogueEntry('R8')?.mef123).toEqual([]);
    expect(() => kindOf('X1')).toThrow('not a Mplify 123.1 requirement id');
  });

  it('counts the parties each requirement binds (Both binds both)', () => {
    const seller = REQUIREMENT_CATALOGUE.filter((e) => binds(e, 'Seller'));
    const buyer = REQUIREMENT_CATALOGUE.filter((e) => binds(e, 'Buyer'));
    expect(seller).toHaveLength(95);
    expect(buyer).toHaveLength(61);
  });
});

const source = loadSource();
const describeWithSource = describe;

describeWithSource('requirement catalogue: against the source statements', () => {
  const statements = (source ?? []).filter((s) => s.doc === 'Mplify 123.1');
  const byId = new Map(statements.map((s) => [s.id, s]));

  it('lists the ids in document order', () => {
    expect(REQUIREMENT_CATALOGUE.map((e) => e.id)).toEqual(statements.map((s) => s.id));
  });

  it.each(REQUIREMENT_CATALOGUE.map((e) => [e.id, e] as const))(
    '%s: role, kind, section, traces and MEF 123 equivalents match',
    (id, e) => {
      const s = byId.get(id);
      expect(s).toBeDefined();
      expect({
        role: e.role,
        kind: e.kind,
        section: e.section,
        traces: e.traces,
        mef123: e.mef123,
      }).toEqual({
        role: s?.role,
        kind: s?.kind,
        section: s?.section,
        traces: s?.traces,
        mef123: s?.mef_123_equivalent ?? [],
      });
    },
  );

  it('gives the use cases the source gives, with §6.10–6.16 mapped to their own use case', () => {
    // The source table derives the use case from the section number and reads §6.10–6.16 as "UC 1";
    // those sections are use cases 10–16 (the section title says so), so the catalogue uses that.
    for (const e of REQUIREMENT_CATALOGUE) {
      const s = byId.get(e.id);
      const late = /^6\.(1[0-6])$/.exec(e.section);
      const expected = late?.[1] ? [late[1]] : parseUseCases(s?.use_cases ?? '');
      expect([e.id, e.useCases]).toEqual([e.id, expected]);
    }
  });
});
