import { z } from 'zod';

/** Products per page of GET /api/sitemap/products: one sitemap file each (the protocol allows 50,000). */
export const SITEMAP_PAGE_SIZE = 10_000;
/** Enough pages for 100 million products. */
export const MAX_SITEMAP_PAGE = 10_000;

export const sitemapProductsQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_SITEMAP_PAGE).default(1),
});

export const sitemapProductPage = z
  .object({
    /** In id order (ids grow with time, so a new product lands on the last page). */
    items: z.array(z.object({ slug: z.string(), updatedAt: z.string() })),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** Every product in the shop. */
    total: z.number().int(),
  })
  .meta({ id: 'SitemapProductPage' });
export type SitemapProductPage = z.infer<typeof sitemapProductPage>;
