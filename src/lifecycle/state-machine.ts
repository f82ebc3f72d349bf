/** A state machine as data: the Seller emulator drives it, the checks judge a target with it. */
export interface Transition<S extends string> {
  readonly from: S;
  readonly to: S;
  /** What causes it, in a few words (shown in findings and docs). */
  readonly trigger: string;
}

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  readonly terminal: readonly S[];
  readonly transitions: readonly Transition<S>[];
}

export function isState<S extends string>(machine: StateMachine<S>, value: unknown): value is S {
  return typeof value === 'string' && (machine.states as readonly string[]).includes(value);
}

export function isTerminal<S extends string>(machine: StateMachine<S>, state: S): boolean {
  return machine.terminal.includes(state);
}

/** A direct transition `from → to` exists in the machine (staying in a state is always legal). */
export function isLegalTransition<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  return from === to || machine.transitions.some((t) => t.from === from && t.to === to);
}

/**
 * `to` can be reached from `from` through zero or more transitions. Observers that poll (retrieve,
 * list) may miss intermediate states, so they judge reachability, not single steps.
 */
export function isReachable<S extends string>(machine: StateMachine<S>, from: S, to: S): boolean {
  const seen = new Set<S>([from]);
  const queue: S[] = [from];
  while (queue.length > 0) {
    const state = queue.shift() as S;
    if (state === to) return true;
    for (const t of machine.transitions) {
      if (t.from === state && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return false;
}

export function transitionsFrom<S extends string>(
  machine: StateMachine<S>,
  from: S,
): readonly Transition<S>[] {
  return machine.transitions.filter((t) => t.from === from);
}
