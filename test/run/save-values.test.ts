import { ObservationLog } from '../../src/check/observations';
import { saveValues } from '../../src/run/judge-expectation';
import type { ScenarioState } from '../../src/run/run-context';
import type { SaveEntry } from '../../src/scenario/types';

function state(): ScenarioState {
  return {
    vars: {},
    env: { now: () => 0, uuid: () => 'u', runId: 'r', scenarioId: 's' },
    observations: new ObservationLog(),
    hubs: [],
    orders: [],
    requirements: ['R1'],
  };
}

const at = { file: 'x.yaml', line: 1, column: 1 };
const entry = (v: string, path: string): SaveEntry => ({ var: v, from: 'body', path, location: at });

test('save takes the list a [*] path reaches (SCENARIO-FORMAT: "[*]: the list of values")', () => {
  const s = state();
  const body = { id: 'c1', chargeItem: [{ id: '1' }, { id: '2' }] };
  expect(saveValues([entry('id', 'id'), entry('ids', 'chargeItem[*].id')], body, undefined, s)).toEqual([]);
  expect(s.vars).toEqual({ id: 'c1', ids: ['1', '2'] });
});

test('a [*] path that reaches nothing fails the step like any other', () => {
  const s = state();
  const findings = saveValues([entry('ids', 'chargeItem[*].id')], { chargeItem: [] }, undefined, s);
  expect(findings.map((f) => f.code)).toEqual(['save.missing']);
});
