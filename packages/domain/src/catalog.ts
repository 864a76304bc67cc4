import { z } from 'zod';

export const slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

export const productSorts = ['newest', 'price_asc', 'price_desc', 'popular'] as const;
export type ProductSort = (typeof productSorts)[number];

export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 10_000;

/** Query of GET /api/products. Unknown parameters are ignored; known ones must be valid. */
export const productListQuery = z.object({
  category: slug.optional(),
  sort: z.enum(productSorts).default('newest'),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(24),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const imageRef = z.object({ hash: z.string(), alt: z.string() });

export const productSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    priceCents: z.number().int(),
    currency: z.string().length(3),
    image: imageRef.nullable(),
    inStock: z.boolean(),
  })
  .meta({ id: 'ProductSummary' });
export type ProductSummary = z.infer<typeof productSummary>;

export const product = productSummary
  .extend({
    description: z.string(),
    stock: z.number().int().min(0),
    category: z.object({ slug: z.string(), name: z.string() }),
    images: z.array(imageRef.extend({ width: z.number().int(), height: z.number().int() })),
    createdAt: z.string(),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof product>;

export const productPage = z
  .object({
    items: z.array(productSummary),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ProductPage' });
export type ProductPage = z.infer<typeof productPage>;

export const category = z
  .object({ slug: z.string(), name: z.string(), productCount: z.number().int() })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof category>;

/**
 * What a committed catalog change touched, as the API tells the caches (its own processes and
 * the storefront's internal revalidation route).
 */
export const catalogChange = z.object({
  /** Products (by slug) whose own page changed. */
  products: z.array(slug).max(1_000),
  /** Categories (by slug) whose listings changed. */
  categories: z.array(slug).max(1_000),
  /** Category product counts changed (a product was created or moved to another category). */
  recounted: z.boolean().optional(),
});
export type CatalogChange = z.infer<typeof catalogChange>;
