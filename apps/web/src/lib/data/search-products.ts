import 'server-only';
import { productPage, type ProductPage } from '@shop/domain';
import { filterParams } from '../listing-filters';
import type { Search } from '../search-url';
import { CATALOG_TAG, LISTINGS_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

/**
 * One page of search results, narrowed by its filters. Tagged as a listing of the whole shop:
 * any change to a product's listing (a new one, a price, its stock) drops every cached search,
 * or a new product would be missing from results for up to a minute, and a search's counts
 * would disagree with the same search's filtered (uncached) pages.
 */
export async function searchProducts(search: Search, pageSize: number): Promise<ProductPage> {
  const query = new URLSearchParams({
    q: search.q,
    sort: search.sort,
    page: String(search.page),
    pageSize: String(pageSize),
    ...filterParams(search.filters),
  });
  const page = await fetchApi(`/api/products?${query.toString()}`, productPage, [
    CATALOG_TAG,
    LISTINGS_TAG,
  ]);
  // A department among the filters that is none (a hand-edited link): nothing is found.
  return page ?? { items: [], page: search.page, pageSize, total: 0 };
}
