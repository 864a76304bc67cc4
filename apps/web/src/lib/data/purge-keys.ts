import { productSorts } from '@shop/domain';
import { DEFAULT_SORT } from '../category-url';

// The edge's page-cache keys (infra/nginx/edge.conf.template) of the pages a catalog change
// touches. The edge keys a page on its path (and, for listings, sort and page, with the defaults
// left empty) and the encoding it was stored in.

const ENCODINGS = ['gzip', ''];
/** Listing pages the edge keeps (its $shop_listing_deep map); deeper ones are never cached there. */
export const EDGE_LISTING_PAGES = 10;

const encoded = (key: string) => ENCODINGS.map((encoding) => `${key}|${encoding}`);

export function productPageKeys(slug: string): string[] {
  return encoded(`/p/${slug}`);
}

/**
 * Every sort and page of a category's listing the edge may hold. Listings narrowed by a price
 * band or stock are never held there (the edge bypasses its cache for them), so none is named.
 */
export function listingPageKeys(slug: string): string[] {
  const sorts = productSorts.map((sort) => (sort === DEFAULT_SORT ? '' : sort));
  const pages = ['', ...Array.from({ length: EDGE_LISTING_PAGES - 1 }, (_, i) => String(i + 2))];
  return sorts.flatMap((sort) => pages.flatMap((page) => encoded(`/c/${slug}|${sort}|${page}`)));
}

export function homePageKeys(): string[] {
  return encoded('/');
}
