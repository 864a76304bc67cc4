import type { Order, PlaceOrderBody } from '@shop/domain';
import { callApi } from './call-api';
import { emptyCart, getShopper, inSequence, updateShopper } from './shopper-store';

/**
 * Checks the session's cart out as an order. `idempotencyKey` names this checkout attempt: the
 * same key sent again (a double submit, a retry after a lost answer, the automatic retries when
 * a replica is down) returns the first order instead of placing a second one.
 */
export function placeOrder(body: PlaceOrderBody, idempotencyKey: string): Promise<Order> {
  return inSequence(async () => {
    const { order } = await callApi<{ order: Order }>('/api/orders', {
      method: 'POST',
      headers: { 'idempotency-key': idempotencyKey },
      body,
      retry: true,
    });
    updateShopper({ cart: emptyCart(getShopper().cart?.currency), lastOrder: order });
    return order;
  });
}
