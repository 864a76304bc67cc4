import type { Db } from '@shop/db';
import { MAX_LINE_QUANTITY, type User } from '@shop/domain';
import type { FastifyRequest } from 'fastify';
import type { CartStore } from '../cart/cart-store';
import { rememberWrite } from '../http/read-your-writes';

/**
 * Starts the signed-in session: a new session id (the old one is destroyed, so a planted id
 * is worthless), the guest cart merged into the account's, and the orders this browser placed
 * as a guest with the account's email moved into the account.
 */
export async function signIn(
  request: FastifyRequest,
  deps: { db: Db; carts: CartStore },
  user: User,
): Promise<void> {
  const { carts } = deps;
  const guest = request.session;
  const guestCart = guest.get('cartId');
  const orderIds = guest.get('orderIds');
  const writtenLsn = guest.get('writtenLsn');
  await guest.regenerate();
  // regenerate() replaced request.session with a new object under a new id.
  const { session } = request;
  const cartId = `user:${user.id}`;
  if (guestCart) await carts.merge(guestCart, cartId, MAX_LINE_QUANTITY);
  session.set('startedAt', Date.now());
  session.set('userId', user.id);
  session.set('role', user.role);
  session.set('cartId', cartId);
  if (writtenLsn) session.set('writtenLsn', writtenLsn);
  if (orderIds?.length) {
    session.set('orderIds', orderIds);
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
