import type { OrderState } from '../../../src/lifecycle';
import type { OrderDoc } from '../../../emulators/seller/state/documents';
import { SellerStore, type OrderRecord } from '../../../emulators/seller/state/store';

function order(id: string, externalId: string | undefined, state: OrderState = 'acknowledged'): OrderRecord {
  const doc: OrderDoc = {
    id,
    href: `/productOrder/${id}`,
    orderDate: '2026-01-01T00:00:00.000Z',
    state,
    stateChange: [],
    productOrderItem: [],
    relatedContactInformation: [],
    ...(externalId !== undefined ? { externalId } : {}),
  };
  return { doc, createdAt: 0, related: [] };
}

const ids = (records: readonly OrderRecord[]) => records.map((r) => r.doc.id);

describe('SellerStore externalId index', () => {
  it('answers what a pass over every stored order would, in insertion order, through changes and eviction', () => {
    const store = new SellerStore(4);
    store.addOrder(order('a', 'X', 'completed'));
    store.addOrder(order('b', 'Y'));
    store.addOrder(order('c', 'X'));
    store.addOrder(order('d', undefined));
    expect(ids(store.ordersWithExternalId('X'))).toEqual(['a', 'c']);
    // A PATCH moves b under X: it keeps its place (between a and c), as `orders` iterates.
    store.setExternalId(store.orders.get('b')!, 'X');
    expect(ids(store.ordersWithExternalId('X'))).toEqual(['a', 'b', 'c']);
    expect(store.ordersWithExternalId('Y')).toEqual([]);
    // Past maxOrders the oldest terminal order (a) is evicted, and leaves the index with the store.
    store.addOrder(order('e', 'X'));
    expect(store.orders.has('a')).toBe(false);
    expect(ids(store.ordersWithExternalId('X'))).toEqual(['b', 'c', 'e']);
    const scan = [...store.orders.values()].filter((r) => r.doc.externalId === 'X');
    expect(store.ordersWithExternalId('X')).toEqual(scan);
    store.clear();
    expect(store.ordersWithExternalId('X')).toEqual([]);
  });
});
