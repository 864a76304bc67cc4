import type { Order } from '@shop/domain';

/** How an order's status reads to the shopper. */
export const ORDER_STATUS_LABELS: Record<Order['status'], string> = {
  placed: 'Placed',
  paid: 'Paid',
  shipped: 'Shipped',
  cancelled: 'Cancelled',
};

/** A date and time of an order, e.g. "November 22, 2026 at 9:41 AM", in the shopper's zone. */
export function formatOrderDate(iso: string): string {
  return new Date(iso).toLocaleString('en-US', { dateStyle: 'long', timeStyle: 'short' });
}

export function itemCount(order: Order): number {
  return order.items.reduce((sum, item) => sum + item.quantity, 0);
}
