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

  constructor(private readonly maxOrders: number) {}

  addOrder(record: OrderRecord): void {
    this.orders.set(record.doc.id, record);
    if (this.orders.size > this.maxOrders) this.evict();
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
      this.orders.delete(id);
      removed++;
    }
    this.evicted += removed;
  }

  clear(): void {
    for (const rec of this.orders.values()) rec.next?.timer.cancel();
    for (const charge of this.charges.values()) charge.timeout?.cancel();
    this.orders.clear();
    this.cancels.clear();
    this.modifies.clear();
    this.charges.clear();
    this.hubs.clear();
  }
}
