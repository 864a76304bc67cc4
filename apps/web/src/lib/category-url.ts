import { MAX_PAGE, productSorts, type ProductSort } from '@shop/domain';
import { filterParams, type ListingFilters } from './listing-filters';

// A category listing has one public URL shape, /c/<slug>?sort=<sort>&page=<n> (defaults left
// out), and one internal route, /c/<slug>/<sort>/<page>, that next.config.ts rewrites it to so the
// rendered page can be cached per (category, sort, page) — see README "Caching".

export const DEFAULT_SORT: ProductSort = 'newest';
export const CATEGORY_PAGE_SIZE = 24;

export const sortLabels: Record<ProductSort, string> = {
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  popular: 'Most popular',
};

export function parseSort(value: string | null | undefined): ProductSort | null {
  return productSorts.find((sort) => sort === value) ?? null;
}

export function parsePage(value: string | null | undefined): number | null {
  if (!value || !/^[1-9]\d{0,5}$/.test(value)) return null;
  const page = Number(value);
  return page <= MAX_PAGE ? page : null;
}

/**
 * The public address of a category listing, e.g. /c/shoes?sort=price_asc&page=2, or narrowed,
 * /c/shoes?price=25-50&inStock=1&sort=price_asc.
 */
export function categoryHref(
  slug: string,
  options: { sort?: ProductSort; page?: number; filters?: ListingFilters } = {},
): string {
  // A listing is its department: a category among the filters is not one of its parameters.
  const query = new URLSearchParams(
    filterParams({ inStock: false, ...options.filters, category: undefined }),
  );
  if (options.sort && options.sort !== DEFAULT_SORT) query.set('sort', options.sort);
  if (options.page && options.page > 1) query.set('page', String(options.page));
  const search = query.toString();
  return `/c/${encodeURIComponent(slug)}${search ? `?${search}` : ''}`;
}

/** The internal route the proxy rewrites to; `slugSegment` is the path segment as received. */
export function categoryRoutePath(slugSegment: string, sort: ProductSort, page: number): string {
  return `/c/${slugSegment}/${sort}/${page}`;
}
