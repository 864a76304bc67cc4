import { z } from 'zod';
import { plainText } from './text';

export const shippingAddress = z.object({
  name: plainText(1, 120),
  line1: plainText(1, 200),
  city: plainText(1, 120),
  postalCode: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[A-Za-z0-9 -]+$/, 'letters, digits, spaces and hyphens only'),
  country: z
    .string()
    .trim()
    .length(2)
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1)')
    .transform((value) => value.toUpperCase()),
});

export const placeOrderBody = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'must be an email address' })),
  shippingAddress,
});
export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

/** Idempotency-Key: 8–200 visible ASCII characters, e.g. a UUID the client made. */
export const idempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only');

export const orderStatuses = ['placed', 'paid', 'shipped', 'cancelled'] as const;

export const order = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(orderStatuses),
    email: z.string(),
    totalCents: z.number().int(),
    currency: z.string().length(3),
    createdAt: z.string(),
    shippingAddress: shippingAddress.extend({ country: z.string() }),
    items: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        priceCents: z.number().int(),
        quantity: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof order>;

export const orderEnvelope = z.object({ order });
export const orderList = z.object({ items: z.array(order) });

export const shortLine = z.object({
  productId: z.string(),
  requested: z.number().int(),
  available: z.number().int(),
});
