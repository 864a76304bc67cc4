import 'server-only';
import { productPage, type ProductPage, type ProductSort } from '@shop/domain';
import { filterParams, NO_FILTERS, type ListingFilters } from '../listing-filters';
import { CATALOG_TAG, categoryTag, LISTINGS_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

export interface ListProductsInput {
  category?: string;
  sort: ProductSort;
  page: number;
  pageSize: number;
  /** A price band, in stock only (the category is the one above). */
  filters?: ListingFilters;
}

/**
 * One page of the catalog, optionally within a category and narrowed, with its facets; null when
 * the category is unknown.
 */
export async function listProducts(input: ListProductsInput): Promise<ProductPage | null> {
  const query = new URLSearchParams({
    ...filterParams({ ...(input.filters ?? NO_FILTERS), category: undefined }),
    sort: input.sort,
    page: String(input.page),
    pageSize: String(input.pageSize),
  });
  const tags = [CATALOG_TAG];
  if (input.category) {
    query.set('category', input.category);
    tags.push(categoryTag(input.category));
  } else {
    tags.push(LISTINGS_TAG);
  }
  return fetchApi(`/api/products?${query.toString()}`, productPage, tags);
}
