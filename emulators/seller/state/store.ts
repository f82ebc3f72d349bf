import { ORDER_MACHINE, isTerminal } from '../../../src/lifecycle';
import type { TimerHandle } from '../../../src/clock';
import type { OutcomeRule, TaskOutcome } from '../profile/profile-types';
import type { CancelDoc, ChargeDoc, HubDoc, ModifyDoc, OrderDoc } from './documents';

/** Who may see a resource: the `buyerId` it was created with (absent: the single default Buyer). */
export interface Owned {
  readonly buyerId?: string;
  readonly sellerId?: string;
}

export interface OrderRecord extends Owned {
  readonly doc: OrderDoc;
  readonly rule?: OutcomeRule;
  readonly createdAt: number;
  /** Pending lifecycle timer and the step it runs (the control API can run it at once). */
  next?: { timer: TimerHandle; run: () => void; label: string };
  readonly related: string[];
}

export interface TaskRecord<D> extends Owned {
  readonly doc: D;
  readonly orderId: string;
  readonly createdAt: number;
  /** The Seller's pending decision on the request; the control API can take it now (accept/decline). */
  decision?: { timer: TimerHandle; decide: (outcome?: TaskOutcome) => void };
}

export interface ChargeRecord extends Owned {
  readonly doc: ChargeDoc;
  readonly orderId: string;
  /** What the Buyer's answer (or the timeout) decides. */
  readonly purpose:
    | { kind: 'item'; itemId: string }
    | { kind: 'cancel'; taskId: string }
    | { kind: 'modify'; taskId: string };
  timeout?: TimerHandle;
  /** Called once the charge is answered or times out: `accepted` = every blocking item accepted. */
  onResolved?: (accepted: boolean) => void;
}

export interface HubRecord extends Owned {
  readonly doc: HubDoc;
  readonly eventTypes: ReadonlySet<string>;
  readonly createdAt: number;
}

/**
 * In-memory resources, in insertion order. Bounded: past `maxOrders`, the oldest orders that reached a
 * terminal state are evicted with everything attached to them, so a long run cannot exhaust memory.
 */
export class SellerStore {
  readonly orders = new Map<string, OrderRecord>();
  readonly cancels = new Map<string, TaskRecord<CancelDoc>>();
  readonly modifies = new Map<string, TaskRecord<ModifyDoc>>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly hubs = new Map<string, HubRecord>();
  evicted = 0;
  /**
   * Orders by externalId, the list filter Buyers use most: a list by externalId reads these instead of
   * every stored order (which made a 10,000-order run quadratic). Kept in step by addOrder,
   * setExternalId and eviction; `sequence` keeps the store's insertion order within each entry.
   */
  private readonly byExternalId = new Map<string, OrderRecord[]>();
  private readonly sequence = new WeakMap<OrderRecord, number>();
  private added = 0;

  constructor(private readonly maxOrders: number) {}

  addOrder(record: OrderRecord): void {
    this.orders.set(record.doc.id, record);
    this.sequence.set(record, this.added++);
    this.index(record);
    if (this.orders.size > this.maxOrders) this.evict();
  }

  /** Changes an order's externalId (PATCH), keeping the index in step. */
  setExternalId(record: OrderRecord, externalId: string): void {
    this.unindex(record);
    record.doc.externalId = externalId;
    this.index(record);
  }

  /** The stored orders whose externalId is `externalId`, in insertion order (as `orders` iterates). */
  ordersWithExternalId(externalId: string): readonly OrderRecord[] {
    return (this.byExternalId.get(externalId) ?? []).filter(
      (r) => r.doc.externalId === externalId && this.orders.get(r.doc.id) === r,
    );
  }

  private index(record: OrderRecord): void {
    const key = record.doc.externalId;
    if (key === undefined) return;
    const list = this.byExternalId.get(key);
    if (!list) return void this.byExternalId.set(key, [record]);
    const seq = this.sequence.get(record) ?? 0;
    let at = list.length;
    while (at > 0 && (this.sequence.get(list[at - 1]!) ?? 0) > seq) at--;
    list.splice(at, 0, record);
  }

  private unindex(record: OrderRecord): void {
    const key = record.doc.externalId;
    if (key === undefined) return;
    const list = this.byExternalId.get(key);
    const at = list ? list.indexOf(record) : -1;
    if (!list || at < 0) return;
    if (list.length === 1) this.byExternalId.delete(key);
    else list.splice(at, 1);
  }

  private evict(): void {
    const excess = this.orders.size - this.maxOrders;
    let removed = 0;
    for (const [id, rec] of this.orders) {
      if (removed >= excess) break;
      if (!isTerminal(ORDER_MACHINE, rec.doc.state)) continue;
      rec.next?.timer.cancel();
      for (const relatedId of rec.related) {
        this.cancels.delete(relatedId);
        this.modifies.delete(relatedId);
        const charge = this.charges.get(relatedId);
        charge?.timeout?.cancel();
        this.charges.delete(relatedId);
      }
      this.unindex(rec);
      this.orders.delete(id);
      removed++;
    }
    this.evicted += removed;
  }

  clear(): void {
    for (const rec of this.orders.values()) rec.next?.timer.cancel();
    for (const charge of this.charges.values()) charge.timeout?.cancel();
    this.orders.clear();
    this.byExternalId.clear();
    this.cancels.clear();
    this.modifies.clear();
    this.charges.clear();
    this.hubs.clear();
  }
}
