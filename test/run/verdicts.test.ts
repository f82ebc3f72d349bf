import type { Finding, ScenarioResult, Status } from '../../src/results';
import { computeVerdicts } from '../../src/run/verdicts';

function scenario(
  id: string,
  status: Status,
  requirements: string[],
  errors: string[][] = [],
): ScenarioResult {
  const findings: Finding[] = errors.map((reqs) => ({
    check: 'expect',
    code: 'expect.status',
    severity: 'error',
    message: 'wrong status',
    requirements: reqs,
  }));
  return {
    id,
    title: id,
    file: `${id}.yaml`,
    status,
    requirements,
    tags: [],
    capabilities: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    steps: [
      {
        index: 0,
        name: 'step',
        kind: 'request',
        status,
        startedAt: '2026-01-01T00:00:00.000Z',
        durationMs: 1,
        findings,
        exchanges: [],
      },
    ],
    findings: [],
  };
}

describe('computeVerdicts', () => {
  it('judges each requirement from the scenarios that list it or whose failures name it', () => {
    const verdicts = computeVerdicts(
      [
        scenario('A', 'passed', ['R1', 'R2']),
        scenario('B', 'failed', ['R2', 'R3'], [['R3']]),
        scenario('C', 'failed', ['R4'], [['R9']]),
        scenario('D', 'notApplicable', ['R5']),
        scenario('E', 'failed', ['R6'], [[]]),
      ],
      [{ id: 'R7', summary: 'never covered' }],
    );
    const byId = Object.fromEntries(verdicts.map((v) => [v.id, v]));
    expect(verdicts.map((v) => v.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R9']);
    expect(byId['R1']?.verdict).toBe('conformant');
    // B's failure names R3 only: R2 stays conformant (A), untested by B.
    expect(byId['R2']).toMatchObject({ verdict: 'conformant', scenarios: ['A', 'B'], failedScenarios: [] });
    expect(byId['R3']).toMatchObject({ verdict: 'nonConformant', failedScenarios: ['B'] });
    // C's only failure names R9, which C does not list: nothing names any of C's own requirements,
    // so the failure counts against R4 too (nothing more precise is known).
    expect(byId['R4']).toMatchObject({ verdict: 'nonConformant', failedScenarios: ['C'] });
    expect(byId['R9']).toMatchObject({ verdict: 'nonConformant', scenarios: ['C'] });
    expect(byId['R5']?.verdict).toBe('notApplicable');
    expect(byId['R6']?.verdict).toBe('nonConformant');
    expect(byId['R7']).toMatchObject({ verdict: 'notTested', summary: 'never covered', scenarios: [] });
  });

  it('is partial when one scenario passes and another fails the same requirement', () => {
    const [r1] = computeVerdicts([
      scenario('A', 'passed', ['R1']),
      scenario('B', 'failed', ['R1'], [['R1']]),
    ]);
    expect(r1).toMatchObject({ id: 'R1', verdict: 'partial', failedScenarios: ['B'] });
  });
});
