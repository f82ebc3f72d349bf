import { PassThrough } from 'node:stream';
import { createConsoleReporter, formatSummary, shouldUseColor } from '../../src/report';
import { hostileRun, mixedRun, passedRun, passedScenario, runResult } from './sample-results';

const tty = Object.assign(new PassThrough(), { isTTY: true });
const pipe = new PassThrough();

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('formatSummary', () => {
  test('lists failures with their findings, then counts and the verdict', () => {
    expect(formatSummary(mixedRun(), { color: false })).toBe(
      [
        'Failures and errors:',
        '',
        '  ✗ PO-CREATE-002 Reject an order without a product (scenarios/po-create.yaml)',
        '      step 2 createProductOrder: status.unexpected [R17, R18]: expected status 201, got 400',
        '        at /  expected: 201  actual: 400',
        '        POST https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder → 400',
        "      step 2 createProductOrder: schema.required [R17, R18]: must have required property 'id'",
        '        at /id  expected: 201  actual: 400',
        '        POST https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder → 400',
        '      scenario: notification.missing [R23]: no stateChange',
        '        at /  expected: 201  actual: 400',
        '',
        '  ! PO-ERR-001 Target unreachable (scenarios/po-create.yaml)',
        '      step 1 createProductOrder: the target did not answer',
        '        POST https://seller.example/mefApi/sonata/productOrderingManagement/v11/productOrder → connectionRefused: ECONNREFUSED',
        '',
        'Scenarios     5: 1 passed, 1 failed, 1 errored, 1 skipped, 1 not applicable',
        'Requirements  7: 1 conformant, 2 non-conformant, 1 partial, 2 not tested, 1 not applicable',
        'Duration      1m06s',
        'Result        ERRORED',
        '',
      ].join('\n'),
    );
  });

  test('a green run is four lines', () => {
    expect(formatSummary(passedRun(), { color: false })).toBe(
      'Scenarios     1: 1 passed\nRequirements  2: 2 conformant\nDuration      1m06s\nResult        PASSED\n',
    );
  });

  test('colour on adds ANSI codes; hostile escape sequences never reach the terminal raw', () => {
    expect(formatSummary(passedRun(), { color: true })).toContain('\u001b[32m');
    const text = formatSummary(hostileRun(), { color: false });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202E]/);
    expect(text).toContain('\\x1b[31m');
    expect(text).toContain('Run errors:\n  listener: <script>');
  });
});

describe('console reporter', () => {
  test('prints a line per scenario, the first reason of a failure, then the summary', async () => {
    const out = capture();
    const reporter = createConsoleReporter({ stream: out.stream, color: false });
    const result = mixedRun();
    await reporter.onRunStart?.({
      total: 5,
      target: 'https://t.example',
      apiVersion: 'sonata-v11',
      harnessVersion: '0.1.0',
    });
    for (const s of result.scenarios) await reporter.onScenarioEnd?.(s);
    await reporter.onRunEnd?.(result);
    const lines = out.text().split('\n');
    expect(lines.slice(0, 10)).toEqual([
      'lso-harness 0.1.0 · sonata-v11 · https://t.example',
      'capabilities: none declared · 5 scenarios',
      '',
      '  ✓ PO-CREATE-001 Create an install order (1.23s)',
      '  ✗ PO-CREATE-002 Reject an order without a product (1.23s)',
      '      step 2 createProductOrder: status.unexpected [R17, R18]: expected status 201, got 400',
      '  ! PO-ERR-001 Target unreachable (1.23s)',
      '      step 1 createProductOrder: the target did not answer',
      '  - PO-PROMPT-001 A skipped scenario (skipped: prompt step under CI)',
      '  - PO-CANCEL-001 A notApplicable scenario (not applicable: the target does not declare capability cancel)',
    ]);
    expect(out.text().endsWith(formatSummary(result, { color: false }))).toBe(true);
  });

  test('shows [done/total] on long runs and step lines when verbose', async () => {
    const out = capture();
    const reporter = createConsoleReporter({ stream: out.stream, color: false, verbose: true });
    const scenarios = Array.from({ length: 12 }, (_, i) => ({ ...passedScenario(), id: `S-${i + 1}` }));
    await reporter.onRunStart?.({
      total: 12,
      target: 'x',
      apiVersion: 'v',
      embeddedTarget: true,
      capabilities: ['cancel'],
    });
    await reporter.onStepEnd?.('S-1', scenarios[0]!.steps[0]!);
    for (const s of scenarios) await reporter.onScenarioEnd?.(s);
    await reporter.onRunEnd?.(runResult(scenarios));
    expect(out.text()).toContain(
      'lso-harness · v · x (embedded Seller emulator)\ncapabilities: cancel · 12 scenarios',
    );
    expect(out.text()).toContain('    ✓ S-1 createProductOrder (50ms)\n');
    expect(out.text()).toContain('  ✓ [3/12] S-3 Create an install order (1.23s)\n');
    expect(out.text()).toContain('  ✓ [12/12] S-12 ');
  });

  test('colour follows the option, else TTY, NO_COLOR and FORCE_COLOR', () => {
    expect(shouldUseColor(tty, {})).toBe(true);
    expect(shouldUseColor(pipe, {})).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '1' })).toBe(false);
    expect(shouldUseColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(shouldUseColor(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(shouldUseColor(pipe, { FORCE_COLOR: '', NO_COLOR: '1' })).toBe(true);

    const out = capture();
    const reporter = createConsoleReporter({ stream: out.stream, env: { FORCE_COLOR: '1' } });
    void reporter.onScenarioEnd?.(passedScenario());
    expect(out.text()).toContain('\u001b[32m✓');
    const plain = capture();
    void createConsoleReporter({
      stream: Object.assign(plain.stream, { isTTY: true }),
      color: false,
    }).onScenarioEnd?.(passedScenario());
    expect(plain.text()).not.toContain('\u001b[');
  });
});
