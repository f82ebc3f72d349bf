/**
 * Problems found while loading scenario files. Codes are stable (tests, CI annotations and docs key on
 * them, never on message text); positions are 1-based.
 */
export const PROBLEM_CODES = {
  'file.notFound': 'a path given to the loader does not exist',
  'file.unreadable': 'a scenario file could not be read',
  'yaml.syntax': 'the file is not well-formed YAML (includes tabs used as indentation, unresolved aliases)',
  'yaml.duplicateKey': 'a mapping has the same key twice',
  'yaml.multipleDocuments': 'a scenario file holds more than one YAML document',
  'scenario.schema': 'the file does not have the shape of a scenario (wrong type, missing or unknown key)',
  'scenario.unknownStepKind': 'a step names no known kind (request, poll, await-notification, …)',
  'scenario.stepKind': 'a step has no kind, or more than one',
  'scenario.ambiguousKey':
    'the same thing is given twice (expect/save beside and inside a step; body and raw.body)',
  'scenario.unknownOperation': 'an operationId that a targeted API version does not define',
  'scenario.unknownParameter': 'a parameter that the operation does not define',
  'scenario.missingParameter': 'a path parameter of the operation is not given',
  'scenario.unknownCapability': 'a capability that is not in src/capabilities.ts',
  'scenario.unknownApiVersion': 'an API version other than sonata-v11, sonata-v10, cantata-v6, cantata-v5',
  'scenario.unknownEventType': 'an event type that a targeted API version does not define',
  'scenario.fixtureNotFound': 'a $fixture file exists under none of the fixture roots',
  'scenario.fixtureOutsideRoot': 'a $fixture path leaves its fixture root (.., absolute path, symlink)',
  'scenario.fixtureInvalid': 'a fixture file is not valid JSON (or YAML)',
  'scenario.duplicateId': 'two scenario files have the same id',
  'scenario.badDuration': 'a duration that cannot be parsed, lacks a unit, or is not positive',
  'scenario.badTemplate': 'a ${…} expression that is not well-formed',
  'scenario.undefinedVariable': 'a ${var} used before any step saves or sets it',
  'scenario.reservedVariable': 'a variable named like a built-in (now, today, uuid, runId, scenarioId)',
  'scenario.badPath': 'a selector path that is not well-formed',
  'scenario.badMatcher': 'a matcher that is not well-formed (mixed operators and keys, bad operand)',
  'scenario.badRegex': 'a `matches` pattern that is not a valid regular expression',
  'scenario.wrongRole':
    'a step kind or key that the scenario role does not take (a Buyer step in a Seller scenario, or the reverse)',
  'scenario.sellerProfile': 'the `seller:` profile overlay of a Buyer scenario is not a valid Seller profile',
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface Problem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly code: ProblemCode;
  readonly message: string;
}

/** `file:line:col  code  message`, the form editors and CI annotations understand. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.code}  ${p.message}`;
}

/** Orders problems by file (in the given file order), then line, column and code. */
export function sortProblems(problems: readonly Problem[], fileOrder: readonly string[]): Problem[] {
  const rank = new Map(fileOrder.map((f, i) => [f, i]));
  const fileRank = (f: string): number => rank.get(f) ?? fileOrder.length;
  return [...problems].sort(
    (a, b) =>
      fileRank(a.file) - fileRank(b.file) ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
