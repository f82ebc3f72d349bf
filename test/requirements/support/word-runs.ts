/** Lower-case words, punctuation and markup dropped: `product.place` → product, place. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/**
 * The first run of `length` consecutive words that `summary` shares with `source`, or undefined. Guards
 * the licensing rule: a summary is written in our words, so it never repeats a stretch of a statement.
 */
export function sharedRun(summary: string, source: string, length = 8): string | undefined {
  const src = wordsOf(source);
  const runs = new Set<string>();
  for (let i = 0; i + length <= src.length; i++) runs.add(src.slice(i, i + length).join(' '));
  const own = wordsOf(summary);
  for (let i = 0; i + length <= own.length; i++) {
    const run = own.slice(i, i + length).join(' ');
    if (runs.has(run)) return run;
  }
  return undefined;
}
