import type { Db } from '@shop/db';
import type { PlaceOrderBody } from '@shop/domain';
import { AppError } from '@shop/http';
import type { FastifyBaseLogger } from 'fastify';
import { saveAddress } from '../addresses/save-address';
import type { CartStore } from '../cart/cart-store';
import type { CheckoutLimits } from './checkout-limits';
import { findPlacedOrder, placeOrder, type PlacedOrder } from './place-order';

/** Longer than a checkout's transaction may last (10 s waiting for it, 10 s running it). */
const HOLD_MS = 30_000;
const WAIT_STEP_MS = 25;

export interface CheckOutCartInput {
  idempotencyKey: string;
  body: PlaceOrderBody;
  /** The signed-in user, if any. */
  userId: string | undefined;
  cartId: string;
  /** Who the order limits count against: the account, else the guest's session. */
  shopper: string;
  /** The client address, for the per-address order limit. */
  address: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns the cart into exactly one order, however many tabs, sessions or retries ask at once.
 *
 * The cart is held for the checkout under its Idempotency-Key before its lines are read:
 * another checkout of the same cart with another key is refused with CART_CHANGED (and, once
 * the first has emptied the cart, with CART_EMPTY); a retry with the same key waits for the
 * first to finish and gets its order back. Order limits count only checkouts that may place a
 * new order, and give their point back when none was placed.
 *
 * A new order of a signed-in shopper then keeps its address in their address book (unless the
 * body says not to), after the commit and apart from it: the order stands whatever happens to
 * the address book, and a failure there is logged, not answered.
 */
export async function checkOutCart(
  deps: { db: Db; carts: CartStore; limits: CheckoutLimits; log: FastifyBaseLogger },
  input: CheckOutCartInput,
): Promise<PlacedOrder> {
  const { db, carts } = deps;
  await holdCartOrThrow(carts, input.cartId, input.idempotencyKey);
  try {
    const placed = await findPlacedOrder(db, input);
    if (placed) return placed;
    const taken = await deps.limits.take(input.shopper, input.address);
    let result: PlacedOrder;
    try {
      result = await placeOrder(db, { ...input, lines: await carts.lines(input.cartId) });
    } catch (error) {
      await taken.refund();
      throw error;
    }
    if (result.created) await carts.clear(input.cartId);
    else await taken.refund();
    if (result.created && input.userId && input.body.saveAddress) {
      await saveAddress(db, input.userId, input.body.shippingAddress).catch((error: unknown) => {
        deps.log.warn({ err: error, orderId: result.order.id }, 'address not saved to the book');
      });
    }
    return result;
  } finally {
    await carts.releaseCheckout(input.cartId, input.idempotencyKey);
  }
}

async function holdCartOrThrow(carts: CartStore, cartId: string, key: string): Promise<void> {
  const deadline = Date.now() + HOLD_MS;
  for (;;) {
    const hold = await carts.holdForCheckout(cartId, key, HOLD_MS);
    if (hold === 'taken') return;
    if (hold === 'other') {
      throw new AppError(
        'CART_CHANGED',
        'This cart is being checked out in another tab or window; see your orders before trying again.',
      );
    }
    // The same key is being placed right now (a retry or a double click): wait for its result.
    if (Date.now() > deadline) {
      throw new AppError('SERVICE_BUSY', 'The shop is very busy; please try again.', undefined, {
        retryAfterSeconds: 2,
      });
    }
    await sleep(WAIT_STEP_MS);
  }
}
