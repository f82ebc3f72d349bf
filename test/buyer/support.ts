import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ResultFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly requirements: string[];
}

export interface ResultScenario {
  readonly id: string;
  readonly status: string;
  readonly message?: string;
  readonly steps: {
    name: string;
    status: string;
    message?: string;
    findings: ResultFinding[];
    exchanges: { id: string }[];
  }[];
  readonly findings: ResultFinding[];
}

export interface Results {
  readonly status: string;
  readonly manifest: { role: string; target: string; apiVersion: string };
  readonly summary: { total: number; passed: number; failed: number; errored: number; skipped: number };
  readonly scenarios: ResultScenario[];
  readonly requirements: { id: string; verdict: string; role?: string }[];
}

export function readResults(dir: string): Results {
  return JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')) as Results;
}

export function findingsOf(s: ResultScenario): ResultFinding[] {
  return [...s.findings, ...s.steps.flatMap((st) => st.findings)];
}

export function errorCodes(s: ResultScenario): string[] {
  return [
    ...new Set(
      findingsOf(s)
        .filter((f) => f.severity === 'error')
        .map((f) => f.code),
    ),
  ].sort();
}

/** One line per scenario for failure messages: id, status, error codes, why it stopped. */
export function describeRun(r: Results): string {
  return r.scenarios
    .map((s) => {
      const head = `${s.id} ${s.status} [${errorCodes(s).join(', ')}] ${s.message ?? ''}`;
      const trouble = s.steps
        .filter((st) => st.status === 'errored')
        .map((st) => `  ${st.name}: ${st.message ?? ''} ${st.findings.map((f) => f.message).join(' | ')}`);
      return [head, ...trouble].join('\n');
    })
    .join('\n');
}

/** The reference Buyer as a `--buyer-command`, optionally with a deliberate fault. */
export function buyerCommand(fault?: string): string {
  return `node bin/lso-harness.js buyer${fault ? ` --fault ${fault}` : ''}`;
}
