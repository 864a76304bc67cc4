// The words the storefront's data cache is tagged with. Whoever revalidates (after a catalog
// change) uses the same ones: `catalog` drops everything, the others one category or product.
export const CATALOG_TAG = 'catalog';

export function categoryTag(slug: string): string {
  return `category:${slug}`;
}

export function productTag(slug: string): string {
  return `product:${slug}`;
}

/** Seconds a cached API answer (and an ISR page built from it) is served before a refresh. */
export const REVALIDATE_SECONDS = 60;
