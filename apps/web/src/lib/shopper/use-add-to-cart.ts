import { useEffect, useRef, useState } from 'react';
import { ShopApiError, describeFailure } from './call-api';
import { addToCart } from './change-cart';
import { announce, cartItemCount, updateShopper } from './shopper-store';

export type AddStatus = 'idle' | 'adding' | 'added';

/** How long a button says "Added" before it offers to add again. */
const ADDED_FOR_MS = 2_500;

function problem(error: unknown): string {
  if (error instanceof ShopApiError && error.code === 'OUT_OF_STOCK') {
    const [line] =
      (error.details as { lines?: { available: number; inCart: number }[] } | undefined)?.lines ??
      [];
    if (!line || line.available === 0) return 'Sorry, this is out of stock.';
    return line.inCart > 0
      ? `Only ${line.available} left — you have ${line.inCart} in your cart.`
      : `Only ${line.available} left.`;
  }
  if (error instanceof ShopApiError && error.code === 'CART_FULL') {
    return 'Your cart is full. Check out or remove something first.';
  }
  if (error instanceof ShopApiError && error.code === 'VALIDATION_FAILED') {
    const fields = (error.details as { fields?: { field?: string }[] } | undefined)?.fields ?? [];
    if (fields.some((f) => f.field === 'quantity')) {
      return 'Your cart already holds as many of these as one order can take.';
    }
    if (fields.some((f) => f.field === 'productId')) return 'This product is no longer sold.';
  }
  return describeFailure(error);
}

/**
 * Adding one product to the cart from a button: the button's state ("Adding…", then "Added"
 * for a moment), the error to show next to it, a spoken confirmation with the new count, and
 * the mini-cart showing the line just added.
 */
export function useAddToCart(productId: string, productName: string) {
  const [status, setStatus] = useState<AddStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const add = async (quantity: number) => {
    // A ref, not the state: a fast second click arrives before React has re-rendered.
    if (busy.current) return;
    busy.current = true;
    clearTimeout(timer.current);
    setStatus('adding');
    setError(null);
    try {
      const cart = await addToCart(productId, quantity);
      const count = cartItemCount(cart);
      setStatus('added');
      updateShopper({ justAdded: { productId, quantity, at: Date.now() } });
      announce(
        `Added ${quantity > 1 ? `${quantity} of ` : ''}${productName} to your cart. The cart holds ${count} ${count === 1 ? 'item' : 'items'}.`,
      );
      timer.current = setTimeout(() => setStatus('idle'), ADDED_FOR_MS);
    } catch (failure) {
      setStatus('idle');
      setError(problem(failure));
    } finally {
      busy.current = false;
    }
  };

  return { status, error, add };
}
