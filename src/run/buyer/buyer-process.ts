import { spawn, type ChildProcess } from 'node:child_process';

/** How the Buyer under test ended (or that it is still running). */
export interface BuyerExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The command could not be started at all (shell missing, …). */
  readonly spawnError?: string;
  /** We stopped it at the end of the scenario (it had not ended by itself). */
  readonly stopped: boolean;
  /** Real milliseconds it ran. */
  readonly ranMs: number;
}

export interface BuyerProcess {
  readonly command: string;
  /** Set once the process has exited. */
  exit(): BuyerExit | undefined;
  /** Resolves when the process has exited. */
  readonly exited: Promise<BuyerExit>;
  /** The last bytes of its output, for the report. */
  output(): { stdout: string; stderr: string };
  /** SIGTERM to its process group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<BuyerExit>;
  /** SIGKILL to its process group, at once (the harness is about to exit). */
  kill(): void;
}

/** Output kept per stream: the end is what explains a failure. */
const KEEP_CHARS = 16 * 1024;

function tail(buffer: string, chunk: string): string {
  const joined = buffer + chunk;
  return joined.length > KEEP_CHARS ? joined.slice(joined.length - KEEP_CHARS) : joined;
}

/**
 * Starts the Buyer under test: `command` through the shell, in a process group of its own (so stopping
 * it stops whatever it started), with `env` added to ours. Its output is kept as evidence.
 */
export function startBuyerProcess(command: string, env: Readonly<Record<string, string>>): BuyerProcess {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  let result: BuyerExit | undefined;
  let stopping = false;
  let child: ChildProcess | undefined;
  let resolveExit: (exit: BuyerExit) => void = () => undefined;
  const exited = new Promise<BuyerExit>((resolve) => (resolveExit = resolve));
  const finish = (exit: Omit<BuyerExit, 'stopped' | 'ranMs'>): void => {
    if (result) return;
    result = { ...exit, stopped: stopping, ranMs: Date.now() - started };
    resolveExit(result);
  };
  try {
    child = spawn(command, {
      shell: true,
      detached: process.platform !== 'win32',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    finish({ code: null, signal: null, spawnError: (err as Error).message });
  }
  child?.stdout?.setEncoding('utf8').on('data', (c: string) => (stdout = tail(stdout, c)));
  child?.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr = tail(stderr, c)));
  child?.once('error', (err) => finish({ code: null, signal: null, spawnError: err.message }));
  child?.once('close', (code, signal) => finish({ code, signal }));

  const signalGroup = (signal: NodeJS.Signals): void => {
    const pid = child?.pid;
    if (pid === undefined || result) return;
    try {
      // The negative pid names the group we created (detached): the shell and what it started.
      if (process.platform !== 'win32') process.kill(-pid, signal);
      else child?.kill(signal);
    } catch {
      // Already gone.
    }
  };

  return {
    command,
    exit: () => result,
    exited,
    output: () => ({ stdout, stderr }),
    kill: () => signalGroup('SIGKILL'),
    async stop(graceMs = 3000) {
      if (result) return result;
      stopping = true;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}
