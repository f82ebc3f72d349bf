import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { writeJunit } from '../../src/report';
import type { RunResult } from '../../src/results/model';
import { HOSTILE, hostileRun, mixedRun, passedRun, runResult } from './sample-results';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testcase', 'testsuite', 'property'].includes(name),
});

interface Outcome {
  readonly message: string;
  readonly type?: string;
  readonly '#text'?: string;
}
interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly failure?: Outcome;
  readonly error?: Outcome;
  readonly skipped?: Outcome;
}
interface Counts {
  readonly tests: string;
  readonly failures: string;
  readonly errors: string;
  readonly skipped: string;
}
interface Suite extends Counts {
  readonly testcase?: TestCase[];
  readonly properties: { property: { name: string; value: string }[] };
  readonly 'system-err'?: string;
}

/** The document checked against XML 1.0, then parsed; the single suite is returned beside the root. */
function parse(xml: string): { root: Counts & { testsuite: Suite[] }; suite: Suite; cases: TestCase[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const root = (parser.parse(xml) as { testsuites: Counts & { testsuite: Suite[] } }).testsuites;
  const suite = root.testsuite[0];
  if (!suite) throw new Error('no testsuite');
  return { root, suite, cases: suite.testcase ?? [] };
}

function byName(cases: readonly TestCase[], prefix: string): TestCase {
  const found = cases.find((t) => t.name.startsWith(prefix));
  if (!found) throw new Error(`no testcase ${prefix}`);
  return found;
}

function outcome(tc: TestCase, kind: 'failure' | 'error' | 'skipped'): Outcome {
  const found = tc[kind];
  if (!found) throw new Error(`${tc.name} has no <${kind}>`);
  return found;
}

describe('writeJunit', () => {
  test.each<[string, () => RunResult]>([
    ['mixed', mixedRun],
    ['passed', passedRun],
    ['hostile', hostileRun],
    ['empty', () => runResult([])],
  ])('counts match the summary (%s run)', (_name, build) => {
    const result = build();
    const { root, suite, cases } = parse(writeJunit(result));
    for (const node of [root, suite]) {
      expect(Number(node.tests)).toBe(result.summary.total);
      expect(Number(node.failures)).toBe(result.summary.failed);
      expect(Number(node.errors)).toBe(result.summary.errored);
      expect(Number(node.skipped)).toBe(result.summary.skipped + result.summary.notApplicable);
    }
    expect(root.testsuite).toHaveLength(1);
    expect(cases).toHaveLength(result.summary.total);
  });

  test('one testcase per scenario with the right outcome element', () => {
    const { cases } = parse(writeJunit(mixedRun()));
    const passed = byName(cases, 'PO-CREATE-001: ');
    expect(passed).toMatchObject({
      classname: 'scenarios/po-create',
      name: 'PO-CREATE-001: Create an install order',
    });
    expect(passed.failure ?? passed.error ?? passed.skipped).toBeUndefined();

    const failure = outcome(byName(cases, 'PO-CREATE-002'), 'failure');
    expect(failure.message).toBe('expected status 201, got 400');
    expect(failure.type).toBe('status.unexpected');
    const body = failure['#text'];
    expect(body).toContain(
      'step 2 createProductOrder: status.unexpected [R17, R18]: expected status 201, got 400',
    );
    expect(body).toContain(
      "step 2 createProductOrder: schema.required [R17, R18]: must have required property 'id'",
    );
    expect(body).toContain('scenario: notification.missing [R23]: no stateChange');
    expect(body).toContain(
      `POST https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder → 400`,
    );
    expect(body).not.toContain('no Location header'); // warnings do not fail

    const errored = byName(cases, 'PO-ERR-001');
    expect(errored.failure).toBeUndefined();
    expect(outcome(errored, 'error').message).toBe('the target did not answer');
    expect(outcome(errored, 'error')['#text']).toContain('connectionRefused: ECONNREFUSED');

    expect(outcome(byName(cases, 'PO-PROMPT-001'), 'skipped').message).toBe('skipped: prompt step under CI');
    expect(outcome(byName(cases, 'PO-CANCEL-001'), 'skipped').message).toBe(
      'not applicable: the target does not declare capability cancel',
    );
  });

  test('stays valid XML with hostile content, which is kept visible', () => {
    const xml = writeJunit(hostileRun());
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    const { suite, cases } = parse(xml);
    const testcase = byName(cases, 'PO-HOSTILE-001');
    expect(testcase.name).toContain(
      "<script>alert('x')</script> ]]> \\x00\\x01\\x1b[31m\\x08 \\ud800 \\u202e",
    );
    expect(outcome(testcase, 'failure').message).toContain('echo: <script>');
    expect(suite['system-err']).toContain('listener: <script>');
    expect(HOSTILE).toContain('\u0000'); // the sample really is hostile
  });

  test('carries the manifest as properties', () => {
    const { suite } = parse(writeJunit(mixedRun()));
    const props = Object.fromEntries(suite.properties.property.map((p) => [p.name, p.value]));
    expect(props).toMatchObject({
      apiVersion: 'sonata-v11',
      harnessVersion: '0.1.0',
      capabilities: 'notifications,charges',
    });
  });
});
