/**
 * Durations as people write them in scenarios and profiles: `250ms`, `30s`, `5m`, `2h`, `3d`, `1w`,
 * compounds like `1h30m`, or ISO 8601 (`PT5M`, `P2DT3H`). Returns milliseconds, or an error message.
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export type DurationResult = { ok: true; ms: number } | { ok: false; error: string };

export function parseDuration(input: unknown): DurationResult {
  if (typeof input === 'number' && Number.isFinite(input) && input >= 0) return { ok: true, ms: input };
  if (typeof input !== 'string' || input.trim() === '') {
    return { ok: false, error: `expected a duration like 30s, 5m, 2h or PT5M, got ${JSON.stringify(input)}` };
  }
  const text = input.trim();
  const iso =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      text,
    );
  if (iso && text.length > 1 && !/T$/i.test(text)) {
    const [, d, h, m, s] = iso;
    const ms =
      Number(d ?? 0) * UNIT_MS['d']! +
      Number(h ?? 0) * UNIT_MS['h']! +
      Number(m ?? 0) * UNIT_MS['m']! +
      Number(s ?? 0) * 1000;
    return { ok: true, ms };
  }
  const part = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = part.exec(text)) !== null) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed = part.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length) {
    return { ok: false, error: `expected a duration like 30s, 5m, 2h or PT5M, got ${JSON.stringify(input)}` };
  }
  return { ok: true, ms: total };
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${seconds.toString().padStart(2, '0')}s`;
}
