import {
  isReachable,
  isState,
  isTerminal,
  MACHINES,
  type MachineName,
  type StateMachine,
} from '../lifecycle';
import type { Finding } from '../results';

/** One sighting of a resource's state: from a response body or a notification. */
export interface Observation {
  readonly machine: MachineName;
  /** `order:ID`, `item:ORDER/ITEM`, `cancel:ID`, … */
  readonly key: string;
  readonly state: string;
  /** Arrival order across the scenario (responses and notifications share one counter). */
  readonly seq: number;
  readonly source: string;
  readonly exchangeId?: string;
}

const REQUIREMENT: Readonly<Record<MachineName, string>> = {
  order: 'R64',
  item: 'R64',
  task: 'R64',
  charge: 'R98',
  chargeItem: 'R99',
};

/** Collects observations; `record` ignores values that are not states of the machine (schema checks say so). */
export class ObservationLog {
  private readonly items: Observation[] = [];
  /** `product.id` per item key as each response showed it (undefined: absent), for [R63]. */
  private readonly productIds: { key: string; id?: string; exchangeId?: string }[] = [];
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  record(
    machine: MachineName,
    key: string,
    state: unknown,
    source: string,
    exchangeId?: string,
    seq = this.nextSeq(),
  ): void {
    if (!isState(MACHINES[machine] as StateMachine<string>, state)) return;
    this.items.push({
      machine,
      key,
      state: state,
      seq,
      source,
      ...(exchangeId ? { exchangeId } : {}),
    });
  }

  /** Records an order and its items as a response body shows them. */
  recordOrder(body: unknown, source: string, exchangeId?: string): void {
    if (!body || typeof body !== 'object') return;
    const order = body as Record<string, unknown>;
    if (typeof order['id'] !== 'string') return;
    const seq = this.nextSeq();
    this.record('order', `order:${order['id']}`, order['state'], source, exchangeId, seq);
    const items = Array.isArray(order['productOrderItem'])
      ? (order['productOrderItem'] as Record<string, unknown>[])
      : [];
    for (const item of items) {
      if (!item || typeof item['id'] !== 'string') continue;
      const key = `item:${order['id']}/${item['id']}`;
      this.record('item', key, item['state'], source, exchangeId, seq);
      const productId = (item['product'] as Record<string, unknown> | undefined)?.['id'];
      this.productIds.push({
        key,
        ...(typeof productId === 'string' ? { id: productId } : {}),
        ...(exchangeId ? { exchangeId } : {}),
      });
    }
  }

  /** [R63]: once a response shows an item's product id, every later one shows the same id. */
  productIdFindings(requirements: readonly string[] = []): Finding[] {
    const seen = new Map<string, string>();
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const p of this.productIds) {
      const before = seen.get(p.key);
      if (before !== undefined && p.id !== before && !reported.has(p.key)) {
        reported.add(p.key);
        out.push({
          check: 'product-id',
          code: p.id === undefined ? 'productId.dropped' : 'productId.changed',
          severity: 'error',
          message:
            p.id === undefined
              ? `${p.key}: product.id '${before}' was shown before and is missing now`
              : `${p.key}: product.id changed from '${before}' to '${p.id}'`,
          requirements: [...new Set(['R63', ...requirements])],
          ...(p.exchangeId ? { exchangeId: p.exchangeId } : {}),
          expected: before,
          actual: p.id ?? null,
        });
      }
      if (p.id !== undefined && before === undefined) seen.set(p.key, p.id);
    }
    return out;
  }

  all(): readonly Observation[] {
    return this.items;
  }
}

/**
 * Judges each resource's observed states in arrival order: every change must be reachable in the state
 * machine (polls may miss states in between), and a terminal state is never left.
 */
export function judgeObservations(log: ObservationLog, requirements: readonly string[] = []): Finding[] {
  return [...judgeStateChanges(log, requirements), ...log.productIdFindings()];
}

function judgeStateChanges(log: ObservationLog, requirements: readonly string[]): Finding[] {
  const byKey = new Map<string, Observation[]>();
  for (const o of log.all()) byKey.set(o.key, [...(byKey.get(o.key) ?? []), o]);
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    const sorted = [...list].sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (prev.state === cur.state) continue;
      const machine = MACHINES[cur.machine] as StateMachine<string>;
      const left = isTerminal(machine, prev.state);
      if (left || !isReachable(machine, prev.state, cur.state)) {
        out.push({
          check: 'state-transitions',
          code: left ? 'state.leftTerminal' : 'state.illegalTransition',
          severity: 'error',
          message: `${key} went ${prev.state} (${prev.source}) → ${cur.state} (${cur.source}): ${left ? `'${prev.state}' is terminal` : `the ${machine.name} state machine has no such path`}`,
          requirements: [...new Set([REQUIREMENT[cur.machine], ...requirements])],
          ...(cur.exchangeId ? { exchangeId: cur.exchangeId } : {}),
          expected: machine.transitions.filter((t) => t.from === prev.state).map((t) => t.to),
          actual: cur.state,
        });
        break; // one finding per resource: later steps follow from the first wrong one
      }
    }
  }
  return out;
}
