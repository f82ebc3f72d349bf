import { REQUIREMENT_CATALOGUE } from '../../src/requirements/catalogue';
import {
  labelWithMef123,
  MEF123_DROPPED,
  MEF123_TO_MPLIFY,
  mef123IdsFor,
  mplifyIdsFor,
} from '../../src/requirements/mef123';
import { loadSource } from './support/source';

describe('MEF 123 equivalents', () => {
  it('maps both ways', () => {
    expect(mef123IdsFor('R17')).toEqual(['R16']);
    expect(mef123IdsFor('CR7')).toEqual(['R107']);
    expect(mef123IdsFor('O10')).toEqual(['O9', 'O10']);
    expect(mef123IdsFor('R110')).toEqual([]);
    expect(mef123IdsFor('nope')).toEqual([]);
    expect(mplifyIdsFor('R16')).toEqual(['R17']);
    expect(mplifyIdsFor('O9')).toEqual(['O10']);
    expect(mplifyIdsFor('R3')).toEqual([]);
  });

  it('lists the MEF 123 requirements dropped by Mplify 123.1', () => {
    expect(MEF123_DROPPED).toEqual(['R3', 'R5', 'R6', 'R51', 'R106', 'R108', 'R109']);
  });

  it('only names Mplify 123.1 ids the catalogue knows', () => {
    const known = new Set(REQUIREMENT_CATALOGUE.map((e) => e.id));
    for (const mplify of Object.values(MEF123_TO_MPLIFY))
      for (const id of mplify) expect(known.has(id)).toBe(true);
  });

  it('labels an id with its MEF 123 number for v10 runs', () => {
    expect(labelWithMef123('R17')).toBe('R17 (MEF 123 R16)');
    expect(labelWithMef123('O10')).toBe('O10 (MEF 123 O9, O10)');
    expect(labelWithMef123('R110')).toBe('R110');
  });
});

const source = loadSource();
const describeWithSource = describe;

describeWithSource('MEF 123 equivalents: against the source', () => {
  const mef123 = (source ?? []).filter((s) => s.doc === 'MEF 123');

  it('has every MEF 123 id, in document order, with the equivalents the source gives', () => {
    expect(Object.keys(MEF123_TO_MPLIFY)).toEqual(mef123.map((s) => s.id));
    for (const s of mef123)
      expect([s.id, MEF123_TO_MPLIFY[s.id]]).toEqual([s.id, s.mplify_123_1_equivalent ?? []]);
  });
});
