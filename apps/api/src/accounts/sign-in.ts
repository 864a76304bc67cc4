import type { Db } from '@shop/db';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, type User } from '@shop/domain';
import type { FastifyRequest } from 'fastify';
import type { CartStore } from '../cart/cart-store';
import { rememberWrite } from '../http/read-your-writes';

/**
 * Starts the signed-in session: a new session id (the old one is destroyed, so a planted id
 * is worthless). What a guest did in this browser comes along: the guest cart is merged into
 * the account's, and the orders placed as a guest with the account's email move into the
 * account. A session that belonged to another account hands nothing over: signing in as B
 * where A was signed in starts clean, so B sees neither A's cart nor A's orders.
 */
export async function signIn(
  request: FastifyRequest,
  deps: { db: Db; carts: CartStore },
  user: User,
): Promise<void> {
  const { carts } = deps;
  const previous = request.session;
  const previousUser = previous.get('userId');
  const sameUser = previousUser === user.id;
  const handOver = previousUser === undefined || sameUser;
  const guestCart = previousUser === undefined ? previous.get('cartId') : undefined;
  const orderIds = handOver ? previous.get('orderIds') : undefined;
  const writtenLsn = previous.get('writtenLsn');
  await previous.regenerate();
  // regenerate() replaced request.session with a new object under a new id.
  const { session } = request;
  const cartId = `user:${user.id}`;
  if (guestCart) {
    await carts.merge(guestCart, cartId, {
      maxQuantity: MAX_LINE_QUANTITY,
      maxLines: MAX_CART_LINES,
    });
  }
  session.set('startedAt', Date.now());
  session.set('userId', user.id);
  session.set('role', user.role);
  session.set('cartId', cartId);
  // Where the replica stands for this browser's writes is not personal; keeping it keeps reads honest.
  if (writtenLsn) session.set('writtenLsn', writtenLsn);
  if (orderIds?.length) {
    session.set('orderIds', orderIds);
    if (sameUser) return;
    const { count } = await deps.db.primary.order.updateMany({
      where: {
        id: { in: orderIds },
        userId: null,
        email: { equals: user.email, mode: 'insensitive' },
      },
      data: { userId: user.id },
    });
    if (count > 0) await rememberWrite(deps.db, session);
  }
}
