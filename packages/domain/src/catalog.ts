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
export const MAX_SEARCH_LENGTH = 100;
/** A search ranks at most this many matches (a word in most products would rank them all). */
export const MAX_SEARCH_MATCHES = 2_000;

/** The orders of search results: best match first, or one of the listings' orders but popular. */
export const searchSorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof searchSorts)[number];

/**
 * The price bands a listing or a search can be narrowed to, cheapest first: each from its
 * `minCents` (included) to its `maxCents` (excluded; null: no upper bound).
 */
export const priceBands = [
  { band: '0-25', minCents: 0, maxCents: 2_500 },
  { band: '25-50', minCents: 2_500, maxCents: 5_000 },
  { band: '50-100', minCents: 5_000, maxCents: 10_000 },
  { band: '100-250', minCents: 10_000, maxCents: 25_000 },
  { band: '250-up', minCents: 25_000, maxCents: null },
] as const;
export type PriceBand = (typeof priceBands)[number]['band'];
export const priceBandIds = priceBands.map((band) => band.band) as [PriceBand, ...PriceBand[]];

/** `inStock`: 1 or true narrows to products in stock; 0, false or nothing does not narrow. */
const inStockFlag = z
  .enum(['1', 'true', '0', 'false'])
  .optional()
  .transform((flag) => flag === '1' || flag === 'true');

/**
 * Query of GET /api/products. Unknown parameters are ignored; known ones must be valid. With
 * `q` (search words; blank is no search) the sort defaults to `relevance` and may not be
 * `popular`; without it, `relevance` has nothing to rank by.
 */
export const productListQuery = z
  .object({
    category: slug.optional(),
    q: z
      .string()
      .trim()
      .max(MAX_SEARCH_LENGTH)
      .optional()
      .transform((q) => q || undefined),
    sort: z.enum([...productSorts, 'relevance']).optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(24),
    price: z.enum(priceBandIds).optional(),
    inStock: inStockFlag,
  })
  .transform(({ sort, ...query }, context): ListingQuery | SearchQuery => {
    const { q } = query;
    if (q === undefined) {
      if (sort !== 'relevance') return { ...query, q, sort: sort ?? 'newest' };
      context.addIssue({ code: 'custom', path: ['sort'], message: 'relevance needs q (a search)' });
      return z.NEVER;
    }
    if (sort !== 'popular') return { ...query, q, sort: sort ?? 'relevance' };
    context.addIssue({
      code: 'custom',
      path: ['sort'],
      message: 'search results have no popular order',
    });
    return z.NEVER;
  });
/** One page of a listing: the whole shop's or a category's products, narrowed or not. */
export interface ListingQuery {
  category?: string | undefined;
  q?: undefined;
  sort: ProductSort;
  page: number;
  pageSize: number;
  price?: PriceBand | undefined;
  inStock: boolean;
}
/** One page of search results, within a category or not. */
export interface SearchQuery extends Omit<ListingQuery, 'q' | 'sort'> {
  q: string;
  sort: SearchSort;
}
export type ProductListQuery = z.infer<typeof productListQuery>;
/** What narrows a listing or a search besides its words: department, price band, stock. */
export type ProductFilters = Pick<ListingQuery, 'category' | 'price' | 'inStock'>;

export const imageRef = z.object({ hash: z.string(), alt: z.string() });
/**
 * A card's picture, with its original's size so no variant wider than the original is asked
 * for (optional: answers cached before the cover's size was kept lack it).
 */
export const coverImage = imageRef.extend({
  width: z.number().int().optional(),
  height: z.number().int().optional(),
});

export const productSummary = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    priceCents: z.number().int(),
    currency: z.string().length(3),
    image: coverImage.nullable(),
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

export const productFacets = z
  .object({
    categories: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    priceBands: z.array(z.object({ band: z.enum(priceBandIds), count: z.number().int() })),
    inStock: z.number().int(),
  })
  .meta({ id: 'ProductFacets' });
export type ProductFacets = z.infer<typeof productFacets>;

export const productPage = z
  .object({
    items: z.array(productSummary),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /**
     * With `q`, when no product held every word typed: the words searched for instead (each
     * unknown word replaced by the shop's word most like it, e.g. "tabel lamp" → "table lamp").
     */
    searchedInstead: z.string().optional(),
    /**
     * With `q`: true when more products matched than a search ranks (MAX_SEARCH_MATCHES); `total`
     * is then that bound and the results the best of the first ones found.
     */
    capped: z.boolean().optional(),
    /**
     * How many products each choice of a filter would show, counted for the words and the other
     * filters (a filter's own choice left out): departments with a match, in shop order; every
     * price band, cheapest first; those in stock.
     */
    facets: productFacets.optional(),
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
