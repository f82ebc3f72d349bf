/**
 * What the bare replay sends: the HTTP requests a harness run made (results.json), per scenario and in
 * order, with which step kind sent each (request and control steps are pure HTTP; polls and waits are not).
 */
import * as fs from 'node:fs';

export interface ReplayRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The recorded answer's body (POSTs only: ids it created are mapped to the replay's). */
  readonly createdBody?: string;
  readonly stepKind: string;
  /** Index of the step in its scenario, to add up per-step times. */
  readonly step: number;
}

export interface ReplayScenario {
  readonly id: string;
  readonly requests: readonly ReplayRequest[];
  /** Harness time of each step (ms, as results.json records it), by step index. */
  readonly stepMs: Readonly<Record<number, number>>;
}

export interface ReplayPlan {
  /** Origin of the Seller the run talked to (replaced by the replay's). */
  readonly targetOrigin: string;
  readonly scenarios: readonly ReplayScenario[];
}

interface RecordedExchange {
  kind: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { body?: string };
}
interface RecordedStep {
  index: number;
  kind: string;
  durationMs: number;
  exchanges: RecordedExchange[];
}
interface RecordedRun {
  manifest: { target: string };
  scenarios: { id: string; steps: RecordedStep[] }[];
}

export function readReplayPlan(resultsFile: string): ReplayPlan {
  const run = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as RecordedRun;
  const scenarios = run.scenarios.map((s): ReplayScenario => {
    const requests: ReplayRequest[] = [];
    const stepMs: Record<number, number> = {};
    for (const step of s.steps) {
      stepMs[step.index] = step.durationMs;
      for (const e of step.exchanges) {
        if (e.kind !== 'request') continue;
        const { method, url, headers, body } = e.request;
        requests.push({
          method,
          url,
          headers,
          ...(body !== undefined ? { body } : {}),
          ...(method === 'POST' && e.response?.body ? { createdBody: e.response.body } : {}),
          stepKind: step.kind,
          step: step.index,
        });
      }
    }
    return { id: s.id, requests, stepMs };
  });
  return { targetOrigin: new URL(run.manifest.target).origin, scenarios };
}
