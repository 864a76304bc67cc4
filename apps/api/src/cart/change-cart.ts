import { randomUUID } from 'node:crypto';
import type { DbReader } from '@shop/db';
import { MAX_CART_LINES, MAX_LINE_QUANTITY } from '@shop/domain';
import { AppError } from '@shop/http';
import type { FastifyRequest } from 'fastify';
import type { CartStore, LineChange } from './cart-store';

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

async function stockOrThrow(reader: DbReader, productId: string): Promise<number> {
  const product = await reader.product.findUnique({
    where: { id: productId },
    select: { stock: true },
  });
  if (!product) {
    throw new AppError('VALIDATION_FAILED', `Unknown product ${productId}`, {
      fields: [{ field: 'productId', message: 'no such product' }],
    });
  }
  return product.stock;
}

/** Why a line could not take the quantity asked for, in words a shopper understands. */
function refusal(change: LineChange, wanted: number, stock: number, productId: string): AppError {
  if (change.outcome === 'cart-full') {
    return new AppError('CART_FULL', `A cart holds at most ${MAX_CART_LINES} different products`, {
      fields: [{ field: 'productId', message: `at most ${MAX_CART_LINES} products per cart` }],
    });
  }
  if (wanted > MAX_LINE_QUANTITY) {
    return new AppError('VALIDATION_FAILED', `A cart line holds at most ${MAX_LINE_QUANTITY}`, {
      fields: [
        { field: 'quantity', message: `would make ${wanted}; at most ${MAX_LINE_QUANTITY}` },
      ],
    });
  }
  const message = stock === 0 ? 'Out of stock' : `Only ${stock} left`;
  return new AppError('OUT_OF_STOCK', message, {
    fields: [{ field: 'quantity', message }],
    lines: [{ productId, requested: wanted, available: stock, inCart: change.quantity }],
  });
}

/**
 * Adds `quantity` to the product's line. A line never holds more than is in stock (read from the
 * replica: a cap for the shopper's sake, checkout is what guarantees stock) nor more than 99,
 * and a cart holds at most MAX_CART_LINES products; otherwise nothing changes.
 */
export async function addToCart(
  reader: DbReader,
  carts: CartStore,
  session: Session,
  productId: string,
  quantity: number,
): Promise<void> {
  const stock = await stockOrThrow(reader, productId);
  const change = await carts.changeLine(cartIdOf(session), productId, quantity, {
    mode: 'add',
    maxQuantity: Math.min(stock, MAX_LINE_QUANTITY),
    maxLines: MAX_CART_LINES,
  });
  if (change.outcome !== 'changed') {
    throw refusal(change, change.quantity + quantity, stock, productId);
  }
}

/** Sets the line's quantity (at most what is in stock); 0 removes it. A product not in the cart is a 404. */
export async function setCartQuantity(
  reader: DbReader,
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
  if (quantity === 0) {
    await carts.remove(cartId, productId);
    return;
  }
  const stock = await stockOrThrow(reader, productId);
  const change = await carts.changeLine(cartId, productId, quantity, {
    mode: 'set',
    maxQuantity: Math.min(stock, MAX_LINE_QUANTITY),
    maxLines: MAX_CART_LINES,
  });
  if (change.outcome !== 'changed') throw refusal(change, quantity, stock, productId);
}
