/**
 * Guards against input nested absurdly deep. The YAML parser, JSON Schema validation and our own
 * normalisers recurse, so `[[[[…` a few thousand levels deep would overflow the stack and escape as an
 * exception. No scenario or profile nests beyond a dozen levels; past MAX_NESTING the file is reported as
 * a located problem instead, before anything recursive sees it.
 */
export const MAX_NESTING = 64;

/**
 * Offset at which flow collections (`[`, `{`) nest deeper than `max`, outside quoted scalars and
 * comments; undefined if they never do. A cheap scan, run before the parser.
 */
export function flowNestingOffset(text: string, max = MAX_NESTING): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && startsScalar(text, i)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** A quote opens a quoted scalar only where a scalar may start (not inside `don't`). */
function startsScalar(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || '\n[{,:-?'.includes(text[j] ?? '');
}

/** Offset of the most indented line: where a parser that overflowed most likely was. */
export function deepestIndentOffset(text: string): number {
  let best = 0;
  let bestIndent = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (indent > bestIndent && line.trim() !== '') {
      bestIndent = indent;
      best = offset + indent;
    }
    offset += line.length + 1;
  }
  return best;
}

/** Path of the first value nested deeper than `max` (iterative: the check itself cannot overflow). */
export function tooDeepPath(value: unknown, max = MAX_NESTING): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= max) return path;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ value: x, path: [...path, i] }));
    else for (const [k, x] of Object.entries(v)) stack.push({ value: x, path: [...path, k] });
  }
  return undefined;
}

/** 1-based line and column of an offset, from the text alone (a parser that threw may not have counted). */
export function offsetPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function nestingMessage(max = MAX_NESTING): string {
  return `nested more than ${max} levels deep: no scenario or profile needs that (and parsers recurse)`;
}
