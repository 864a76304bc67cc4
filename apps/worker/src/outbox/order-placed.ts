import { z } from 'zod';

/** The outbox topic checkout writes in the order's transaction (apps/api place-order.ts). */
export const ORDER_PLACED = 'order.placed';

export const orderPlacedSchema = z.object({
  orderId: z.uuid(),
  number: z.number().int().positive(),
  email: z.string().min(3).max(254),
  lines: z
    .array(
      z.object({
        productId: z.uuid(),
        name: z.string(),
        priceCents: z.number().int().min(0),
        quantity: z.number().int().positive(),
      }),
    )
    .min(1),
});

export type OrderPlaced = z.infer<typeof orderPlacedSchema>;
