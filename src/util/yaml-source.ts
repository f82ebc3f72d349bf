import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** A located problem in an input file; `code` is stable, the message is for people. */
export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
}

export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** YAML syntax problems; when non-empty, `value` is unusable. */
  readonly problems: readonly SourceProblem[];
  /** 1-based line/column of the node at a JSON Pointer (`/steps/2/op`), or of its nearest parent. */
  locate(pointer: string): { line: number; column: number };
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Parses YAML keeping node positions, so that schema errors can name file:line:col. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: SourceProblem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return {
      file,
      line: pos.line,
      column: pos.col,
      code: 'yaml.syntax',
      message: e.message.split('\n')[0] ?? e.message,
    };
  });
  const at = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const locate = (pointer: string) => {
    let node: Node | null | undefined = doc.contents;
    let found = at(node?.range?.[0]);
    for (const raw of pointer.split('/').slice(1)) {
      const key = decodeSegment(raw);
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        node = pair.value as Node | null;
        found = at(node?.range?.[0] ?? keyNode?.range?.[0]);
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as Node | undefined;
        if (!item) break;
        node = item;
        found = at(item.range?.[0]);
      } else break;
    }
    return found;
  };
  return {
    file,
    value: problems.some((p) => p.code === 'yaml.syntax') ? undefined : doc.toJS(),
    problems,
    locate,
  };
}

/** `file:line:col  code  message`: the one way problems are printed. */
export function formatSourceProblem(p: SourceProblem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.code}  ${p.message}`;
}
