/** The reference Buyer's readable account of what happened: one line per step, with the time since start. */
export interface Timeline {
  line(what: string, detail: string): void;
}

export function createTimeline(log: (line: string) => void, now: () => number = Date.now): Timeline {
  const started = now();
  return {
    line(what, detail) {
      const seconds = ((now() - started) / 1000).toFixed(2).padStart(7);
      log(`${seconds}s  ${what.padEnd(18)} ${detail}`);
    },
  };
}
