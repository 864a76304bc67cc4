import type { Cart, SessionEnvelope } from '@shop/domain';
import { callApi, describeFailure } from './call-api';
import { getShopper, inSequence, updateShopper } from './shopper-store';

/** Reads the session's cart from the API into the store; returns it. */
export function refreshCart(): Promise<Cart | undefined> {
  return inSequence(async () => {
    try {
      const cart = await callApi<Cart>('/api/cart', { retry: true });
      updateShopper({ cart, cartError: null });
      return cart;
    } catch (error) {
      updateShopper({ cartError: describeFailure(error) });
      return getShopper().cart;
    }
  });
}

/** Reads who is signed in (null for a guest) into the store. */
export async function refreshUser(): Promise<void> {
  try {
    const { user } = await callApi<SessionEnvelope>('/api/session', { retry: true });
    updateShopper({ user });
  } catch {
    // Unknown after a failure: the header offers "Sign in" rather than nothing at all.
    if (getShopper().user === undefined) updateShopper({ user: null });
  }
}

let loading: Promise<void> | null = null;
let loadedAt = 0;

/**
 * Loads the shopper once per tab; later calls reload only when the last load is older than
 * `maxAgeMs` (the header reloads when the tab becomes visible again: another tab may have
 * changed the cart or signed out).
 */
export function loadShopper(maxAgeMs = Number.POSITIVE_INFINITY): Promise<void> {
  if (loading) return loading;
  if (loadedAt > 0 && Date.now() - loadedAt < maxAgeMs) return Promise.resolve();
  loading = Promise.all([refreshUser(), refreshCart()])
    .then(() => {
      loadedAt = Date.now();
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}
