/**
 * Resident memory of the Seller emulator holding 100,000 orders, filled through its HTTP create path
 * (the emulator in a child process, measured there after a full GC, so the load generator's own memory
 * is not counted).
 */
import { load, type LoadResult } from './http-load';
import { JSON_TYPE, orderBody } from './order-body';
import { startSellerProcess } from './servers';
import type { SellerMemory } from './seller-child';

export const STORED_ORDERS = 100_000;

export interface EmulatorMemory {
  readonly before: SellerMemory;
  readonly after: SellerMemory;
  readonly fill: LoadResult;
}

export async function emulatorMemory(): Promise<EmulatorMemory> {
  const seller = await startSellerProcess();
  try {
    const before = await seller.memory();
    const fill = await load(`store ${STORED_ORDERS.toLocaleString('en')} orders`, {
      url: `${seller.url}/productOrder`,
      method: 'POST',
      headers: { 'content-type': JSON_TYPE },
      body: JSON.stringify(orderBody(1)),
      amount: STORED_ORDERS,
    });
    const after = await seller.memory();
    return { before, after, fill };
  } finally {
    await seller.close();
  }
}
