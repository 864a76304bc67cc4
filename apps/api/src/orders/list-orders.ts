import type { DbReader } from '@shop/db';
import type { Order } from '@shop/domain';
import { orderInclude, toOrder } from './to-order';

const MAX_ORDERS = 100;

/** A user's orders, newest first. */
export async function listOrders(reader: DbReader, userId: string): Promise<Order[]> {
  const rows = await reader.order.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { number: 'desc' }],
    take: MAX_ORDERS,
    include: orderInclude,
  });
  return rows.map(toOrder);
}
