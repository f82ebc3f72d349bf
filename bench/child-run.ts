import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProbeReport } from './probe';

export interface ChildRun {
  readonly wallMs: number;
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  /** CPU time and peak RSS the child reported about itself (absent if it died before exiting). */
  readonly usage?: ProbeReport;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ChildOptions {
  readonly cwd: string;
  /** Real milliseconds before the child is sent SIGTERM (then SIGKILL 5 s later). */
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

const KEEP = 64 * 1024;

/** Runs `node <args>` with the probe preloaded; never throws for the child's sake. */
export function runNode(args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const probeFile = path.join(
    os.tmpdir(),
    `lso-bench-probe-${process.pid}-${Math.random().toString(36).slice(2)}.json`,
  );
  const probe = path.join(__dirname, 'probe.js');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', probe, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, LSO_BENCH_PROBE: probeFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString('utf8')).slice(-KEEP);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-KEEP);
    });
    let timedOut = false;
    let kill: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    }, options.timeoutMs);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (kill) clearTimeout(kill);
      let usage: ProbeReport | undefined;
      try {
        usage = JSON.parse(fs.readFileSync(probeFile, 'utf8')) as ProbeReport;
        fs.rmSync(probeFile, { force: true });
      } catch {
        usage = undefined;
      }
      resolve({ wallMs, exitCode: code, timedOut, ...(usage ? { usage } : {}), stdout, stderr });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
