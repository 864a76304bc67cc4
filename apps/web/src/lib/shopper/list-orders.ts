import type { Order } from '@shop/domain';
import { callApi } from './call-api';

/** The signed-in shopper's orders, newest first (401 for a guest). */
export async function listOrders(): Promise<Order[]> {
  const { items } = await callApi<{ items: Order[] }>('/api/orders', { retry: true });
  return items;
}
