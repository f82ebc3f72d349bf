/**
 * Preloaded into a child process (`node -r dist/bench/probe.js …`): when the process exits, writes its
 * own resource usage (CPU time, peak RSS) as JSON to the file named by LSO_BENCH_PROBE. Node reports no
 * rusage of children, so each child reports its own.
 */
import * as fs from 'node:fs';

export interface ProbeReport {
  readonly userMs: number;
  readonly systemMs: number;
  readonly maxRssMiB: number;
}

const file = process.env['LSO_BENCH_PROBE'];
if (file) {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    const report: ProbeReport = {
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
      maxRssMiB: usage.maxRSS / 1024,
    };
    fs.writeFileSync(file, JSON.stringify(report));
  });
}
