/** Code points, not UTF-16 units: a string drawn from them never holds a lone surrogate. */
const ALPHABET = Array.from('abcXYZ019 _-./%&=?#"\'\\{}[]:,\u00e9\u4e2d\ud83d\ude00\u0000\n');

/** A seeded PRNG (mulberry32) with the few draws the fuzz test needs: same seed, same requests. */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** A short string drawn from ASCII, punctuation that breaks parsers, and some non-ASCII. */
  string(maxLength = 12): string {
    let out = '';
    const length = this.int(maxLength + 1);
    for (let i = 0; i < length; i++) out += this.pick(ALPHABET);
    return out;
  }

  /** A string that has broken parsers before: percent-garbage, NUL, traversal, a blank, a date. */
  nastyString(): string {
    return this.pick([
      '',
      ' ',
      '2026-01-05T09:00:00Z',
      'inProgress',
      'http://x',
      '%E0%A4%A',
      '%',
      'eventType=%zz',
      'eventType=productOrderStateChangeEvent,%',
      'eventType = ',
      '../../etc/passwd',
      '\u0000',
      '\ud83d\ude00',
    ]);
  }

  /** Any JSON value, nested up to `depth`. */
  json(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 8 : 6);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -2147483649, Number.MAX_SAFE_INTEGER + 2]);
      case 3:
        return this.string();
      case 4:
        return this.nastyString();
      case 5:
        return this.int(1000);
      case 6:
        return Array.from({ length: this.int(4) }, () => this.json(depth - 1));
      default: {
        const out: Record<string, unknown> = {};
        for (let i = this.int(4); i > 0; i--) out[this.string(8)] = this.json(depth - 1);
        return out;
      }
    }
  }
}
