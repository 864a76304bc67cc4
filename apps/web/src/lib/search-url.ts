import { MAX_SEARCH_LENGTH, searchSorts, type SearchSort } from '@shop/domain';
import { parsePage } from './category-url';
import { filterParams, parseFilters, type ListingFilters } from './listing-filters';

// Search results live at /search?q=<words>&sort=<sort>&page=<n> (defaults left out). They are
// rendered per request (the words are anyone's), while the API caches each answer.

export const SEARCH_PAGE_SIZE = 24;
export const DEFAULT_SEARCH_SORT: SearchSort = 'relevance';

export const searchSortLabels: Record<SearchSort, string> = {
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

export interface Search {
  q: string;
  sort: SearchSort;
  page: number;
  filters: ListingFilters;
}

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The search a query string asks for: the words trimmed and cut to what the API takes; a sort
 * or page that is not one falls back to the default (a hand-edited link still shows results).
 */
export function parseSearch(params: Params): Search {
  const q = (first(params.q) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  const sort = searchSorts.find((value) => value === first(params.sort)) ?? DEFAULT_SEARCH_SORT;
  return { q, sort, page: parsePage(first(params.page)) ?? 1, filters: parseFilters(params) };
}

/** The address of a search, e.g. /search?q=oak+table&price=25-50&sort=price_asc&page=2. */
export function searchHref(
  q: string,
  options: { sort?: SearchSort; page?: number; filters?: ListingFilters } = {},
): string {
  const query = new URLSearchParams({ q, ...filterParams(options.filters ?? { inStock: false }) });
  if (options.sort && options.sort !== DEFAULT_SEARCH_SORT) query.set('sort', options.sort);
  if (options.page && options.page > 1) query.set('page', String(options.page));
  return `/search?${query.toString()}`;
}
