import type { Cart } from '@shop/domain';
import { callApi, ShopApiError } from './call-api';
import { getShopper, inSequence, updateShopper } from './shopper-store';

function quantityOf(cart: Cart, productId: string): number {
  return cart.items.find((line) => line.productId === productId)?.quantity ?? 0;
}

function keep(cart: Cart): Cart {
  updateShopper({ cart, cartError: null });
  return cart;
}

/**
 * Adds `quantity` of a product to the cart. Adding is not safe to repeat blindly, so when the
 * answer is lost (a replica went away, the network dropped) the cart is read again: if the
 * line grew, the add went through; if it did not, it is sent once more.
 */
export function addToCart(productId: string, quantity: number): Promise<Cart> {
  return inSequence(async () => {
    const before = getShopper().cart ?? keep(await callApi<Cart>('/api/cart', { retry: true }));
    const post = () =>
      callApi<Cart>('/api/cart/items', { method: 'POST', body: { productId, quantity } });
    try {
      return keep(await post());
    } catch (error) {
      if (!(error instanceof ShopApiError) || !error.transient) throw error;
      const now = keep(await callApi<Cart>('/api/cart', { retry: true }));
      const had = quantityOf(before, productId);
      if (quantityOf(now, productId) === had + quantity) return now;
      if (quantityOf(now, productId) !== had) throw error;
      return keep(await post());
    }
  });
}

/** Sets a line's quantity (0 removes it). An absolute change, so it is safe to retry. */
export function setLineQuantity(productId: string, quantity: number): Promise<Cart> {
  return inSequence(async () => {
    try {
      return keep(
        await callApi<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`, {
          method: 'PATCH',
          body: { quantity },
          retry: true,
        }),
      );
    } catch (error) {
      // The line is gone already (removed in another tab, or a retried removal): show the cart.
      if (error instanceof ShopApiError && error.code === 'PRODUCT_NOT_FOUND') {
        const cart = keep(await callApi<Cart>('/api/cart', { retry: true }));
        if (quantity === 0) return cart;
      }
      throw error;
    }
  });
}

/** Removes a line from the cart. */
export function removeLine(productId: string): Promise<Cart> {
  return inSequence(async () =>
    keep(
      await callApi<Cart>(`/api/cart/items/${encodeURIComponent(productId)}`, {
        method: 'DELETE',
        retry: true,
      }),
    ),
  );
}
