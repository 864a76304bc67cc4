import { randomUUID } from 'node:crypto';
import type { DbReader } from '@shop/db';
import { MAX_LINE_QUANTITY } from '@shop/domain';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@shop/http';
import type { CartStore } from './cart-store';

type Session = FastifyRequest['session'];

/** The session's cart id, giving a guest one on first use. */
export function cartIdOf(session: Session): string {
  let cartId = session.get('cartId');
  if (!cartId) {
    cartId = `guest:${randomUUID()}`;
    session.set('cartId', cartId);
    session.set('startedAt', session.get('startedAt') ?? Date.now());
  }
  return cartId;
}

async function assertProductExists(reader: DbReader, productId: string): Promise<void> {
  const product = await reader.product.findUnique({
    where: { id: productId },
    select: { id: true },
  });
  if (!product) {
    throw new AppError('VALIDATION_FAILED', `Unknown product ${productId}`, {
      fields: [{ field: 'productId', message: 'no such product' }],
    });
  }
}

/** Adds `quantity` to the product's line; a line never holds more than 99. */
export async function addToCart(
  reader: DbReader,
  carts: CartStore,
  session: Session,
  productId: string,
  quantity: number,
): Promise<void> {
  await assertProductExists(reader, productId);
  const cartId = cartIdOf(session);
  const next = (await carts.quantity(cartId, productId)) + quantity;
  if (next > MAX_LINE_QUANTITY) {
    throw new AppError('VALIDATION_FAILED', `A cart line holds at most ${MAX_LINE_QUANTITY}`, {
      fields: [{ field: 'quantity', message: `would make ${next}; at most ${MAX_LINE_QUANTITY}` }],
    });
  }
  await carts.set(cartId, productId, next);
}

/** Sets the line's quantity; 0 removes it. A product not in the cart is a 404. */
export async function setCartQuantity(
  carts: CartStore,
  session: Session,
  productId: string,
  quantity: number,
): Promise<void> {
  const cartId = session.get('cartId');
  if (!cartId || (await carts.quantity(cartId, productId)) === 0) {
    throw new AppError('PRODUCT_NOT_FOUND', `Product ${productId} is not in the cart`, {
      field: 'productId',
    });
  }
  if (quantity === 0) await carts.remove(cartId, productId);
  else await carts.set(cartId, productId, quantity);
}
