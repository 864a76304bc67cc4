import type { Cart, Order, User } from '@shop/domain';
import { useSyncExternalStore } from 'react';

// The browser's picture of the shopper: who is signed in, what is in the cart, the order just
// placed. One store per tab, read with useShopper(); the header, the add-to-cart buttons and
// the cart, checkout and account pages all see the same cart, so the header's count follows
// every change. Only effects and event handlers write to it: on the server it never changes
// (rendered HTML stays the same for every shopper).

export interface ShopperState {
  /** undefined until /api/session has answered; null for a guest. */
  user: User | null | undefined;
  /** undefined until /api/cart has answered. */
  cart: Cart | undefined;
  /** Why the cart could not be loaded, when it could not. */
  cartError: string | null;
  /** The latest message for screen readers, read out by the header's live region. */
  announcement: string;
  /** The order this tab placed last, so its confirmation shows without waiting. */
  lastOrder: Order | null;
  /** What the shopper just added, shown in the mini-cart until it is closed. */
  justAdded: JustAdded | null;
}

export interface JustAdded {
  productId: string;
  /** How many this add put in (the line may hold more). */
  quantity: number;
  /** Tells two adds of the same product apart, so the mini-cart opens again. */
  at: number;
}

const INITIAL: ShopperState = {
  user: undefined,
  cart: undefined,
  cartError: null,
  announcement: '',
  lastOrder: null,
  justAdded: null,
};

let state = INITIAL;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getShopper(): ShopperState {
  return state;
}

export function updateShopper(change: Partial<ShopperState>): void {
  state = { ...state, ...change };
  for (const listener of listeners) listener();
}

/** The shopper as this tab knows it; the server (and hydration) always sees the initial state. */
export function useShopper(): ShopperState {
  return useSyncExternalStore(subscribe, getShopper, () => INITIAL);
}

let announceTimer: ReturnType<typeof setTimeout> | undefined;

/** Says `message` to screen-reader users (politely); the same message twice is said twice. */
export function announce(message: string): void {
  clearTimeout(announceTimer);
  updateShopper({ announcement: '' });
  announceTimer = setTimeout(() => updateShopper({ announcement: message }), 80);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs cart and session changes one after another. Two quick quantity changes could otherwise
 * reach two API replicas and finish in the wrong order, leaving the older quantity in the cart;
 * queued, the last answer is also the latest cart.
 */
export function inSequence<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** How many items the cart holds (the header's badge). */
export function cartItemCount(cart: Cart | undefined): number {
  return cart ? cart.items.reduce((sum, line) => sum + line.quantity, 0) : 0;
}

export function emptyCart(currency = 'USD'): Cart {
  return { items: [], totalCents: 0, currency };
}
