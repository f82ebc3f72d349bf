import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem, loadScenarioFiles, PROBLEM_CODES, type Problem } from '../../src/scenario';

/**
 * One deliberately broken scenario per file. Each must yield exactly these problems: stable code and
 * 1-based line:column (never message text, except where the message is the point).
 */
const DIR = 'test/fixtures/malformed';
const OPTIONS = { fixtureRoots: ['test/fixtures/scenarios/fixtures'] };

const CASES: Record<string, readonly string[]> = {
  'yaml-syntax.yaml': ['yaml.syntax@6:3'],
  'tab-indent.yaml': ['yaml.syntax@5:1'],
  'duplicate-key.yaml': ['yaml.duplicateKey@7:7'],
  'unresolved-alias.yaml': ['yaml.syntax@5:14'],
  'multiple-documents.yaml': ['yaml.multipleDocuments@7:1'],
  'empty.yaml': ['scenario.schema@1:1'],
  'missing-id.yaml': ['scenario.schema@2:1'],
  'wrong-type.yaml': ['scenario.schema@7:15'],
  'unknown-key.yaml': ['scenario.schema@7:7'],
  'unknown-step-kind.yaml': ['scenario.unknownStepKind@5:5'],
  'two-kinds.yaml': ['scenario.stepKind@6:5'],
  'ambiguous-expect.yaml': ['scenario.ambiguousKey@8:5'],
  'unknown-operation.yaml': ['scenario.unknownOperation@6:11'],
  'unknown-parameter.yaml': ['scenario.unknownParameter@8:9'],
  'missing-parameter.yaml': ['scenario.missingParameter@5:5'],
  'unknown-capability.yaml': ['scenario.unknownCapability@4:31'],
  'unknown-api-version.yaml': ['scenario.unknownApiVersion@4:19'],
  'unknown-event-type.yaml': ['scenario.unknownEventType@7:44'],
  'bad-duration.yaml': ['scenario.badDuration@8:15', 'scenario.badDuration@9:19'],
  'bad-template.yaml': ['scenario.badTemplate@8:21'],
  'undefined-variable.yaml': ['scenario.undefinedVariable@7:21'],
  'reserved-variable.yaml': ['scenario.reservedVariable@6:7'],
  'bad-path.yaml': ['scenario.badPath@7:16'],
  'bad-matcher.yaml': ['scenario.badMatcher@8:16'],
  'bad-regex.yaml': ['scenario.badRegex@8:30'],
  'fixture-escapes-root.yaml': ['scenario.fixtureOutsideRoot@7:25'],
  'fixture-not-found.yaml': ['scenario.fixtureNotFound@9:19'],
  'fixture-invalid.yaml': ['scenario.fixtureInvalid@7:25'],
  'many-problems.yaml': [
    'scenario.unknownCapability@4:16',
    'scenario.undefinedVariable@6:56',
    'scenario.badDuration@7:78',
    'scenario.unknownEventType@8:33',
    'scenario.schema@9:38',
  ],
};

const keyOf = (p: Problem): string => `${p.code}@${p.line}:${p.column}`;

describe('malformed scenarios: exact code and position', () => {
  test.each(Object.entries(CASES))('%s', async (name, expected) => {
    const file = path.join(DIR, name);
    const { scenarios, problems } = await loadScenarioFiles([file], OPTIONS);
    expect(problems.map(keyOf)).toEqual(expected);
    expect(problems.every((p) => p.file === file && p.message.length > 0)).toBe(true);
    expect(scenarios).toEqual([]);
  });

  test('a duplicate id across files is reported on the later file, naming the first', async () => {
    const { scenarios, problems } = await loadScenarioFiles(
      [path.join(DIR, 'duplicate-id-b.yaml'), path.join(DIR, 'duplicate-id-a.yaml')],
      OPTIONS,
    );
    expect(problems.map(formatProblem)).toEqual([
      `${DIR}/duplicate-id-b.yaml:2:5  scenario.duplicateId  id "BAD-DUP-001" is already used by ${DIR}/duplicate-id-a.yaml:1:5`,
    ]);
    expect(scenarios.map((s) => s.file)).toEqual([`${DIR}/duplicate-id-a.yaml`]);
  });

  test('messages help the author fix the file', async () => {
    const messageOf = async (name: string): Promise<string> =>
      (await loadScenarioFiles([path.join(DIR, name)], OPTIONS)).problems[0]?.message ?? '';
    expect(await messageOf('unknown-step-kind.yaml')).toMatch(
      /^unknown step kind "requst"; did you mean "request"\?/,
    );
    expect(await messageOf('unknown-key.yaml')).toBe(
      'unknown key "bdy" in steps[0].request; did you mean "body"?',
    );
    expect(await messageOf('unknown-operation.yaml')).toBe(
      'unknown operationId "createProductOrders"; did you mean "createProductOrder"?',
    );
    expect(await messageOf('wrong-type.yaml')).toBe(
      'steps[0].expect.status must be integer or array, not string',
    );
    expect(await messageOf('missing-id.yaml')).toBe('the scenario needs the key "id"');
    expect(await messageOf('fixture-not-found.yaml')).toBe(
      'fixture "orders/no-such-order.json" not found under test/fixtures/scenarios/fixtures',
    );
    expect(await messageOf('tab-indent.yaml')).toBe('Tabs are not allowed as indentation');
  });

  test('the whole folder at once: every problem of every file, sorted, nothing thrown', async () => {
    const { files, problems, scenarios } = await loadScenarioFiles([DIR], OPTIONS);
    const expected = Object.entries(CASES).flatMap(([name, keys]) => keys.map((k) => `${name} ${k}`));
    expected.push('duplicate-id-b.yaml scenario.duplicateId@2:5');
    const got = problems.map((p) => `${path.basename(p.file)} ${keyOf(p)}`);
    expect([...got].sort()).toEqual([...expected].sort());
    expect(problems.map((p) => p.file)).toEqual([...problems.map((p) => p.file)].sort());
    expect(files).toHaveLength(fs.readdirSync(DIR).length);
    expect(scenarios.map((s) => s.id)).toEqual(['BAD-DUP-001']);
  });

  test('every code the loader emits is documented in PROBLEM_CODES and docs/SCENARIO-FORMAT.md', () => {
    const doc = fs.readFileSync('docs/SCENARIO-FORMAT.md', 'utf8');
    for (const code of Object.keys(PROBLEM_CODES)) expect(doc).toContain(`\`${code}\``);
    for (const keys of Object.values(CASES)) {
      for (const k of keys) expect(Object.keys(PROBLEM_CODES)).toContain(k.split('@')[0]);
    }
  });
});
