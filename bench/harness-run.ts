/** Runs `lso-harness run …` as a child process and reads back what the bench needs of its results.json. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunSummary } from '../src/results';
import { packageRoot } from '../src/util/package-root';
import { runNode, type ChildRun } from './child-run';

export interface HarnessRun extends ChildRun {
  /** From the manifest: first scenario started → last one ended (start-up and report writing excluded). */
  readonly runPhaseMs?: number;
  readonly summary?: RunSummary;
  readonly reportDir: string;
}

/**
 * The manifest and summary come first in results.json (the writer's key order), so the head of the file
 * is enough: a 10,000-scenario results.json is not parsed whole.
 */
function readHead(file: string): { runPhaseMs?: number; summary?: RunSummary } {
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(16 * 1024);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    fs.closeSync(fd);
    head = buffer.subarray(0, n).toString('utf8');
  } catch {
    return {};
  }
  const started = /"startedAt": "([^"]+)"/.exec(head)?.[1];
  const ended = /"endedAt": "([^"]+)"/.exec(head)?.[1];
  const summary = /"summary": (\{[^}]*\})/.exec(head)?.[1];
  return {
    ...(started && ended ? { runPhaseMs: Date.parse(ended) - Date.parse(started) } : {}),
    ...(summary ? { summary: JSON.parse(summary) as RunSummary } : {}),
  };
}

export async function runHarness(
  args: readonly string[],
  reportDir: string,
  timeoutMs: number,
): Promise<HarnessRun> {
  fs.rmSync(reportDir, { recursive: true, force: true });
  const root = packageRoot();
  const run = await runNode(
    [path.join(root, 'bin', 'lso-harness.js'), 'run', ...args, '--report-dir', reportDir],
    {
      cwd: root,
      timeoutMs,
    },
  );
  return { ...run, ...readHead(path.join(reportDir, 'results.json')), reportDir };
}

export function passedAll(run: HarnessRun): boolean {
  return (
    !run.timedOut &&
    run.exitCode === 0 &&
    run.summary !== undefined &&
    run.summary.failed + run.summary.errored === 0
  );
}
