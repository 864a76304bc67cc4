import { z } from 'zod';
import { productId } from './cart';
import { productSummary, slug } from './catalog';

/** POST /api/events: what a browser reports (adds to cart and purchases the shop records itself). */
export const shopperEventBody = z
  .object({
    kind: z.enum(['view', 'seen']),
    productId: productId.optional(),
  })
  .refine((event) => event.kind !== 'view' || event.productId !== undefined, {
    path: ['productId'],
    message: 'a view names the product',
  });
export type ShopperEventBody = z.infer<typeof shopperEventBody>;

export const MAX_HOT_LIMIT = 50;

export const hotListQuery = z.object({
  category: slug.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_HOT_LIMIT).default(10),
});

export const hotList = z
  .object({
    /** When events were last folded into the lists (null before the first fold). */
    computedAt: z.string().nullable(),
    /** The folding has stopped for a while (workers down): these are the last lists. */
    stale: z.boolean(),
    items: z.array(z.object({ product: productSummary, score: z.number() })),
  })
  .meta({ id: 'HotList' });
export type HotList = z.infer<typeof hotList>;

export const onlineQuery = z.object({ product: slug.optional() });

export const onlineCounts = z
  .object({
    /** Visitors seen in the last 5 minutes. */
    online: z.number().int(),
    /** Per product asked for: visitors on its page in the last minute. */
    viewing: z.record(z.string(), z.number().int()).optional(),
  })
  .meta({ id: 'OnlineCounts' });
export type OnlineCounts = z.infer<typeof onlineCounts>;
