/** `--shard i/n`: which of n machines this run is, counting from 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard takes i/n (e.g. 2/4), got '${text}'`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: i must be from 1 to n`;
  return { index, count };
}

/**
 * The scenarios of one shard: sorted by id, then dealt round-robin, so every shard gets a near-equal
 * share, the split depends only on the ids (not on file order or the machine), and n shards together
 * hold each scenario exactly once.
 */
export function selectShard<T extends { readonly id: string }>(items: readonly T[], shard: Shard): T[] {
  return [...items]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((_, i) => i % shard.count === shard.index - 1);
}
