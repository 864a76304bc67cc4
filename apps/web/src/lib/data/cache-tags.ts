// The words the storefront's data cache is tagged with. Whoever revalidates (after a catalog
// change) uses the same ones: `catalog` drops everything, the others one category or product.
export const CATALOG_TAG = 'catalog';
/** Listings of the whole shop (no category), e.g. the home page's newest products. */
export const LISTINGS_TAG = 'listings';
/** The list of categories with their product counts. */
export const CATEGORIES_TAG = 'categories';

export function categoryTag(slug: string): string {
  return `category:${slug}`;
}

export function productTag(slug: string): string {
  return `product:${slug}`;
}

/** Seconds a cached API answer (and an ISR page built from it) is served before a refresh. */
export const REVALIDATE_SECONDS = 60;
