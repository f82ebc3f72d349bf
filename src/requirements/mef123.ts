/**
 * MEF 123 (Sonata v10 / Cantata v5) requirement ids and their Mplify 123.1 equivalents, in MEF 123
 * document order, so a v10 run can show the number its readers know next to each verdict. An empty list
 * marks a MEF 123 requirement that Mplify 123.1 dropped. Source: the requirements table shipped with
 * the SDK (`mef-sdk/requirements/requirements.json`); ids only, no statement text.
 */
export const MEF123_TO_MPLIFY: Readonly<Record<string, readonly string[]>> = {
  R1: ['R1'],
  O1: ['O1'],
  CR1: ['CR1'],
  CR2: ['CR2'],
  CR3: ['CR3'],
  CR4: ['CR4'],
  R2: ['R2'],
  R3: [],
  R4: ['R3'],
  R5: [],
  R6: [],
  R7: ['R4'],
  R8: ['R5'],
  R9: ['R6'],
  R10: ['R7'],
  R11: ['R9'],
  R12: ['R10'],
  R13: ['R11'],
  O2: ['O2'],
  R14: ['R12'],
  O3: ['O3'],
  O4: ['O4'],
  CR5: ['CR5'],
  O5: ['O5'],
  CR6: ['CR6'],
  R15: ['R16'],
  R16: ['R17'],
  R17: ['R18'],
  R18: ['R19'],
  R19: ['R20'],
  O6: ['O6'],
  R20: ['R21'],
  R21: ['R22'],
  R22: ['R23'],
  R23: ['R24'],
  R24: ['R25'],
  R25: ['R26'],
  R26: ['R27'],
  R27: ['R28'],
  R28: ['R29'],
  R29: ['R30'],
  R30: ['R31'],
  R31: ['R32'],
  R32: ['R33'],
  R33: ['R34'],
  R34: ['R35'],
  R35: ['R36'],
  R36: ['R37'],
  R37: ['R38'],
  R38: ['R39'],
  R39: ['R40'],
  R40: ['R41'],
  R41: ['R42'],
  R42: ['R43'],
  O7: ['O8'],
  O8: ['O9'],
  R43: ['R45'],
  R44: ['R46'],
  R45: ['R47'],
  R46: ['R48'],
  R47: ['R49'],
  R48: ['R50'],
  R49: ['R51'],
  R50: ['R52'],
  R51: [],
  R52: ['R53'],
  R53: ['R54'],
  R54: ['R55'],
  R55: ['R56'],
  R56: ['R57'],
  R57: ['R58'],
  R58: ['R59'],
  O9: ['O10'],
  O10: ['O10'],
  R59: ['R60'],
  R60: ['R61'],
  R61: ['R63'],
  R62: ['R64'],
  R63: ['R65'],
  O11: ['O11'],
  R64: ['R66'],
  R65: ['R67'],
  R66: ['R68'],
  R67: ['R69'],
  R68: ['R70'],
  O12: ['O12'],
  R69: ['R71'],
  R70: ['R72'],
  R71: ['R73'],
  R72: ['R74'],
  R73: ['R75'],
  R74: ['R76'],
  R75: ['R77'],
  R76: ['R78'],
  O13: ['O13'],
  R77: ['R79'],
  R78: ['R80'],
  R79: ['R81'],
  R80: ['R82'],
  R81: ['R83'],
  R82: ['R84'],
  R83: ['R85'],
  R84: ['R86'],
  R85: ['R87'],
  R86: ['R88'],
  O14: ['O14'],
  R87: ['R89'],
  O15: ['O15'],
  R88: ['R90'],
  R89: ['R91'],
  R90: ['R92'],
  R91: ['R93'],
  R92: ['R94'],
  R93: ['R95'],
  R94: ['R96'],
  R95: ['R97'],
  O16: ['O16'],
  R96: ['R98'],
  R97: ['R99'],
  O17: ['O17'],
  R98: ['R100'],
  R99: ['R101'],
  R100: ['R102'],
  O18: ['O18'],
  R101: ['R103'],
  R102: ['R104'],
  R103: ['R105'],
  R104: ['R108'],
  R105: ['R109'],
  R106: [],
  O19: ['O19'],
  CR7: ['CR8'],
  CR8: ['CR9'],
  R107: ['CR7'],
  R108: [],
  R109: [],
};

/** Mplify 123.1 id → MEF 123 ids, built once from the table above. */
const MPLIFY_TO_MEF123: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [mef123, mplify] of Object.entries(MEF123_TO_MPLIFY))
    for (const id of mplify) map.set(id, [...(map.get(id) ?? []), mef123]);
  return map;
})();

/** The MEF 123 ids equivalent to a Mplify 123.1 id (e.g. R17 → [R16]); empty when new in 123.1. */
export function mef123IdsFor(id: string): string[] {
  return [...(MPLIFY_TO_MEF123.get(id) ?? [])];
}

/** The Mplify 123.1 ids equivalent to a MEF 123 id (e.g. O9 → [O10]); empty when dropped or unknown. */
export function mplifyIdsFor(mef123Id: string): string[] {
  return [...(MEF123_TO_MPLIFY[mef123Id] ?? [])];
}

/** The MEF 123 requirements that have no Mplify 123.1 equivalent. */
export const MEF123_DROPPED: readonly string[] = Object.entries(MEF123_TO_MPLIFY)
  .filter(([, mplify]) => mplify.length === 0)
  .map(([mef123]) => mef123);

/** `R17 (MEF 123 R16)` for a v10 run; the bare id when there is no equivalent. */
export function labelWithMef123(id: string): string {
  const old = mef123IdsFor(id);
  return old.length ? `${id} (MEF 123 ${old.join(', ')})` : id;
}
