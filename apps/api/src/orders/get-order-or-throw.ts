import type { DbReader } from '@shop/db';
import type { Order } from '@shop/domain';
import { AppError } from '@shop/http';
import { orderInclude, toOrder } from './to-order';

export interface OrderViewer {
  userId: string | undefined;
  /** Orders the viewer's session placed (a guest's way to see their own). */
  sessionOrderIds: string[];
}

/** An order for its owner or the session that placed it; ORDER_NOT_FOUND for anyone else. */
export async function getOrderOrThrow(
  reader: DbReader,
  id: string,
  viewer: OrderViewer,
): Promise<Order> {
  const row = await reader.order.findUnique({ where: { id }, include: orderInclude });
  const mine =
    row !== null &&
    ((row.userId !== null && row.userId === viewer.userId) ||
      viewer.sessionOrderIds.includes(row.id));
  // Someone else's order is indistinguishable from no order at all.
  if (!row || !mine) throw new AppError('ORDER_NOT_FOUND', `No order ${id}`, { field: 'id' });
  return toOrder(row);
}
