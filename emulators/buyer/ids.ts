/**
 * Exchange ids (`ex-0001`, `ex-0002`, …). Injected rather than global so a run can share one sequence
 * between the HTTP client and the listener, and tests get predictable ids.
 */
export type IdGenerator = () => string;

export function createIdGenerator(prefix = 'ex', width = 4): IdGenerator {
  let next = 0;
  return () => `${prefix}-${String(++next).padStart(width, '0')}`;
}
