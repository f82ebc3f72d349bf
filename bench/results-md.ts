/** RESULTS.md: the bench's figures, each beside its target, as a pure `BenchResults → string` writer. */
import type { BenchResults } from './bench-results';
import { TARGETS } from './bench-results';
import type { ServerFigures } from './emulator-vs-prism';
import type { ScaleCell } from './scaling';
import type { OverheadFigure } from './overhead';

const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en') : 'n/a');
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? '**pass**' : '**FAIL**');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function summaryRows(r: BenchResults): string[][] {
  const rows: string[][] = [];
  if (r.catalog) {
    const wallS = r.catalog.wallMs / 1000;
    rows.push([
      'whole catalog, embedded Seller: wall time (median)',
      `${n2(wallS)} s`,
      `< ${TARGETS.catalogWallS} s`,
      `${n2(wallS / TARGETS.catalogWallS)}× of target`,
      verdict(wallS < TARGETS.catalogWallS && r.catalog.allPassed),
    ]);
  }
  for (const o of r.overhead) {
    // Judged on CPU time where it was measured (the machine may be shared), on wall time otherwise.
    const judged = o.cpuRatio ?? o.ratio;
    rows.push([
      `harness overhead: ${o.label} (concurrency ${o.concurrency})`,
      o.cpuRatio !== undefined
        ? `${n2(o.cpuRatio)}× the bare replay in CPU time (${n2(o.ratio)}× in wall time)`
        : `${n2(o.ratio)}× the bare replay in wall time`,
      `≤ ${TARGETS.overheadRatio}×`,
      `${n2(judged / TARGETS.overheadRatio)}× of target`,
      o.note ? '— (not judged, see below)' : verdict(judged <= TARGETS.overheadRatio),
    ]);
  }
  const t = r.throughput;
  if (t?.prism) {
    for (const op of ['create', 'retrieve'] as const) {
      const ratio = t.emulator[op].requestsPerSecond / t.prism[op].requestsPerSecond;
      rows.push([
        `Seller emulator vs Prism mock: ${op} requests/s`,
        `${n2(ratio)}× Prism (${n0(t.emulator[op].requestsPerSecond)} vs ${n0(t.prism[op].requestsPerSecond)}/s)`,
        `≥ ${TARGETS.prismRatio}×`,
        `${n2(ratio / TARGETS.prismRatio)}× of target`,
        verdict(ratio >= TARGETS.prismRatio && t.emulator[op].failures === 0),
      ]);
      const emuCpu = t.emulator[op].cpuMsPerRequest;
      const prismCpu = t.prism[op].cpuMsPerRequest;
      if (emuCpu !== undefined && prismCpu !== undefined) {
        const cpuRatio = prismCpu / emuCpu;
        rows.push([
          `Seller emulator vs Prism mock: ${op} requests per server CPU second`,
          `${n2(cpuRatio)}× Prism (${n0(1000 / emuCpu)} vs ${n0(1000 / prismCpu)}/s)`,
          `≥ ${TARGETS.prismRatio}×`,
          `${n2(cpuRatio / TARGETS.prismRatio)}× of target`,
          verdict(cpuRatio >= TARGETS.prismRatio),
        ]);
      }
      rows.push([
        `Seller emulator vs Prism mock: ${op} p99 latency`,
        `${n2(t.emulator[op].p99Ms / Math.max(t.prism[op].p99Ms, 1))}× Prism's (${t.emulator[op].p99Ms} vs ${t.prism[op].p99Ms} ms)`,
        '—',
        '—',
        '—',
      ]);
    }
  }
  const one = r.validation?.find((v) => v.items === 1);
  if (one) {
    rows.push([
      'response validation, 1-item order, one core (response check path)',
      `${n0(one.prism.perCpuSecond)} per CPU second (${n0(one.prism.perWallSecond)} per wall second)`,
      `≥ ${n0(TARGETS.validationPerSecond)}/s`,
      `${n2(one.prism.perCpuSecond / TARGETS.validationPerSecond)}× of target`,
      verdict(one.prism.perCpuSecond >= TARGETS.validationPerSecond && one.violations === 0),
    ]);
  }
  if (r.emulatorMemory) {
    const m = r.emulatorMemory;
    rows.push([
      `Seller emulator holding ${n0(m.after.orders)} orders: RSS after GC`,
      `${n0(m.after.rssMiB)} MiB (${n2(((m.after.rssMiB - m.before.rssMiB) * 1024) / Math.max(m.after.orders, 1))} KiB per order)`,
      '—',
      '—',
      '—',
    ]);
  }
  const thousand = r.scaling?.find((c) => c.scenarios === 1000 && c.concurrency === 4);
  if (thousand?.run.usage) {
    rows.push([
      'harness on 1,000 generated scenarios (concurrency 4): peak RSS',
      `${n0(thousand.run.usage.maxRssMiB)} MiB`,
      '—',
      '—',
      verdict(thousand.passed),
    ]);
  }
  return rows;
}

function serverRows(f: ServerFigures): string[][] {
  return (['create', 'retrieve'] as const).map((op) => [
    f.server,
    op === 'create' ? 'createProductOrder' : 'retrieveProductOrder',
    n0(f[op].requestsPerSecond),
    String(f[op].p50Ms),
    String(f[op].p99Ms),
    n0(f[op].total),
    String(f[op].failures),
    f[op].cpuMsPerRequest !== undefined ? n2(f[op].cpuMsPerRequest ?? NaN) : 'n/a',
  ]);
}

function scalingTable(cells: readonly ScaleCell[], limitS: number): string {
  const counts = [...new Set(cells.map((c) => c.scenarios))];
  const concurrencies = [...new Set(cells.map((c) => c.concurrency))];
  const cellText = (c: ScaleCell | undefined) => {
    if (!c) return 'n/a';
    if (c.run.timedOut) return `> ${limitS} s (stopped)`;
    const per =
      c.run.runPhaseMs !== undefined
        ? ` (run ${s(c.run.runPhaseMs)}, ${n1(c.run.runPhaseMs / c.scenarios)} ms/scenario)`
        : '';
    return `${s(c.run.wallMs)}${per}${c.passed ? '' : ' **not all passed**'}`;
  };
  const rows = counts.map((count) => [
    n0(count),
    ...concurrencies.map((conc) =>
      cellText(cells.find((c) => c.scenarios === count && c.concurrency === conc)),
    ),
  ]);
  const mem = counts.map((count) => [
    n0(count),
    ...concurrencies.map((conc) => {
      const c = cells.find((x) => x.scenarios === count && x.concurrency === conc);
      return c?.run.usage
        ? `${n0(c.run.usage.maxRssMiB)} MiB, CPU ${s(c.run.usage.userMs + c.run.usage.systemMs)}`
        : 'n/a';
    }),
  ]);
  const head = ['scenarios', ...concurrencies.map((c) => `concurrency ${c}`)];
  return [
    'Wall time of the process (start-up, run, results.json); in brackets the run phase (first scenario start → last end):',
    '',
    table(head, rows),
    '',
    'Peak RSS and CPU time (user + system) of the same processes:',
    '',
    table(head, mem),
  ].join('\n');
}

/** What the harness adds to each request, in ms: wall and, for whole-run rows, CPU. */
function addedPerRequest(o: OverheadFigure): string {
  if (o.requests === 0 || o.note) return '';
  const wall = (o.harnessMs - o.replayMs) / o.requests;
  const cpu =
    o.harnessCpuMs !== undefined && o.replayCpuMs !== undefined
      ? (o.harnessCpuMs - o.replayCpuMs) / o.requests
      : undefined;
  return `${wall.toFixed(2)} ms${cpu !== undefined ? ` (CPU ${cpu.toFixed(2)} ms)` : ''}`;
}

export function renderResults(r: BenchResults, cellLimitS: number): string {
  const m = r.machine;
  const out: string[] = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run-bench.ts); do not edit by hand. Every figure below was measured',
    'in this one run, side by side with what it is compared to.',
    '',
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.platform}`,
    `- Node ${m.node}; date ${m.date}; bench took ${n0(r.durationS)} s`,
    `- load average (1 min) at start ${n2(m.loadAtStart)}, at end ${n2(r.loadAtEnd)}: a load above the core count means other processes shared the CPU and wall times are inflated`,
    '',
    '## Summary',
    '',
    table(['figure', 'measured', 'target', 'ratio', 'result'], summaryRows(r)),
  ];
  if (r.errors.length > 0)
    out.push('', '**Measurements that could not complete:**', '', ...r.errors.map((e) => `- ${e}`));
  if (r.catalog) {
    const c = r.catalog;
    out.push(
      '',
      '## Whole catalog against the embedded Seller',
      '',
      `\`lso-harness run\` with its defaults (built-in catalog, reporters console, json, junit, html, concurrency 4, clock 36,000×), ${c.runs.length} runs, medians: wall ${s(c.wallMs)}, run phase ${s(c.runPhaseMs)} (the rest is start-up and writing the reports), CPU ${s(c.cpuMs)}, peak RSS ${n0(c.maxRssMiB)} MiB. ` +
        `Scenarios: ${c.runs[0]?.summary ? `${c.runs[0].summary.total} (${c.runs[0].summary.passed} passed, ${c.runs[0].summary.notApplicable} not applicable, ${c.runs[0].summary.failed} failed, ${c.runs[0].summary.errored} errored)` : 'n/a'}. ` +
        'The run phase has a floor set by the catalog itself: windows in Seller time (a Seller day of no notification is 2.4 s of real time at 36,000×) must elapse whatever the harness does.',
      '',
      table(
        ['run', 'wall', 'run phase', 'CPU', 'peak RSS', 'exit'],
        c.runs.map((x, i) => [
          String(i + 1),
          s(x.wallMs),
          s(x.runPhaseMs ?? NaN),
          x.usage ? s(x.usage.userMs + x.usage.systemMs) : 'n/a',
          x.usage ? `${n0(x.usage.maxRssMiB)} MiB` : 'n/a',
          String(x.exitCode),
        ]),
      ),
    );
  }
  if (r.overhead.length > 0) {
    out.push(
      '',
      '## Harness overhead against a bare replay',
      '',
      "The ratios compare the harness with a replay that also carries the Seller emulator's own work, so a faster emulator makes the same harness look heavier; the last column gives what the harness adds per request in absolute terms (wall, and CPU where measured).",
      '',
      "The requests a harness run sent (its results.json) are sent again, in the same order and with the same concurrency, by a plain `http` client against a fresh embedded Seller in a process of its own (bench/replay-child.ts): no templates, no checks, no recording; ids the Seller creates are mapped to the replay's, hub callbacks go to a sink. " +
        "Per step: the harness's request and control steps (as results.json times them, ms) against the replay's time for the same requests; polls, notification waits and sleeps are left out on both sides, because their time is the scaled clock's, not HTTP. " +
        "Whole run: the harness's run phase against the replay's, only meaningful where the scenarios wait for nothing (the generated ones), by wall time and by CPU time: the harness's run-phase CPU is its process's CPU less the median CPU of as many start-up-only runs of the same command (`--grep` matching nothing: load, compile, start the Seller; writing results.json stays on the harness's side), the replay's is read around its requests. Both sides hold the Seller's work too, as `lso-harness run` does. Medians of the rounds (harness run, then its replay, back to back). On a shared machine wall times move with the other load, CPU times less so: the whole-run figures are judged on CPU. Even alone on this machine, two runs of the same work differ by up to ~15% in wall time, hence the odd number of rounds.",
      '',
      table(
        [
          'comparison',
          'concurrency',
          'requests',
          'harness (wall)',
          'bare replay (wall)',
          'ratio',
          'harness CPU',
          'replay CPU',
          'CPU ratio',
          'added per request',
          'rounds',
          'note',
        ],
        r.overhead.map((o) => [
          o.label,
          String(o.concurrency),
          n0(o.requests),
          s(o.harnessMs),
          s(o.replayMs),
          `${n2(o.ratio)}×`,
          o.harnessCpuMs !== undefined ? s(o.harnessCpuMs) : '',
          o.replayCpuMs !== undefined ? s(o.replayCpuMs) : '',
          o.cpuRatio !== undefined ? `${n2(o.cpuRatio)}×` : '',
          addedPerRequest(o),
          String(o.rounds),
          o.note ?? '',
        ]),
      ),
    );
  }
  const t = r.throughput;
  if (t) {
    out.push(
      '',
      "## Seller emulator against Prism's mock server",
      '',
      `Same v11 management spec, same request (the catalog's UNI install order, 1 item, valid), autocannon with the same connections (50) and duration, each server in a child process of its own on 127.0.0.1 after a 2 s warm-up, measured in ${t.rounds} alternating rounds of ${t.secondsPerRound} s per operation (the other server idles meanwhile; p50/p99 are the rounds' medians). Server CPU per request is the server process's user + system time (from /proc) over the requests it answered: unlike requests/s, other load on the machine does not move it. ` +
        'The emulator is stateful (stores the order, validates the request against the schema, the Buyer rules and the product schema by `@type`); Prism (`prism mock -v silent --errors`) validates the request and answers the documented example. Retrieve reads a stored order on the emulator, the example on Prism.',
      '',
      table(
        [
          'server',
          'operation',
          'req/s',
          'p50 ms',
          'p99 ms',
          'requests',
          'non-2xx + errors',
          'server CPU ms/request',
        ],
        [...serverRows(t.emulator), ...(t.prism ? serverRows(t.prism) : [])],
      ),
      '',
      `Start-up until the first answer: emulator ${s(t.emulator.startMs)}${t.prism ? `, Prism ${s(t.prism.startMs)}` : ''}.`,
    );
    if (t.prismError) out.push('', `Prism could not be measured: ${t.prismError}`);
  }
  if (r.validation) {
    out.push(
      '',
      '## Response validation throughput (one core)',
      '',
      "A stored `ProductOrder` as retrieveProductOrder returns it, validated in a single-threaded loop: through the harness's response-schema check path (`spec.management.http.validateResponse`: the documented status and media type as prism-http decides them, then headers and body; a valid body, as here, is accepted by the build-time acceptor made from prism-http's own ajv and never reaches prism-http, which words findings only) and through the ajv `SchemaValidator` alone. Validations per CPU second of the loop's process (what one core does, however busy the machine) and, in brackets, per wall second.",
      '',
      table(
        [
          'items',
          'body bytes',
          'response check path (validateResponse) /s',
          'ajv SchemaValidator /s',
          'violations',
        ],
        r.validation.map((v) => [
          String(v.items),
          n0(v.bodyBytes),
          `${n0(v.prism.perCpuSecond)} (${n0(v.prism.perWallSecond)})`,
          `${n0(v.ajv.perCpuSecond)} (${n0(v.ajv.perWallSecond)})`,
          String(v.violations),
        ]),
      ),
    );
  }
  if (r.emulatorMemory) {
    const e = r.emulatorMemory;
    out.push(
      '',
      '## Memory',
      '',
      `Seller emulator (child process, read after a full GC): ${n0(e.before.rssMiB)} MiB RSS / ${n0(e.before.heapUsedMiB)} MiB heap empty → ${n0(e.after.rssMiB)} MiB RSS / ${n0(e.after.heapUsedMiB)} MiB heap holding ${n0(e.after.orders)} orders ` +
        `(${n2(((e.after.heapUsedMiB - e.before.heapUsedMiB) * 1024) / Math.max(e.after.orders, 1))} KiB of heap per order); filled through HTTP at ${n0(e.fill.requestsPerSecond)} creates/s, ${e.fill.failures} failures.`,
      '',
      'Harness: peak RSS of `lso-harness run` on generated scenarios, see the scaling tables (the 1,000-scenario row).',
    );
  }
  if (r.scaling) {
    out.push(
      '',
      '## Scaling: scenarios × concurrency',
      '',
      `Generated scenarios (each: create a UNI install order, retrieve it, list by its externalId; no waits), \`lso-harness run <folder> --reporter json --concurrency c\`, embedded Seller. Each cell is one process, bounded at ${cellLimitS} s.`,
      '',
      scalingTable(r.scaling, cellLimitS),
    );
  }
  return `${out.join('\n')}\n`;
}
