import { z } from 'zod';
import { MAX_LINE_QUANTITY } from './cart-limits';
import { imageRef } from './catalog';

export const productId = z.uuid({ error: 'must be a product id' });
export const lineQuantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);

export const addCartItemBody = z.object({ productId, quantity: lineQuantity });
export type AddCartItemBody = z.infer<typeof addCartItemBody>;

/** PATCH: 0 removes the line. */
export const setCartQuantityBody = z.object({
  quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY),
});

export const cartLine = z.object({
  productId: z.string(),
  slug: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
  /** How many are in stock now (a second or so old): the most the line can be set to. */
  stock: z.number().int().min(0),
  /** The product's first picture, for the cart's thumbnails. */
  image: imageRef.nullable(),
});

export const cart = z
  .object({
    items: z.array(cartLine),
    totalCents: z.number().int(),
    currency: z.string().length(3),
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof cart>;
export type CartLine = z.infer<typeof cartLine>;
