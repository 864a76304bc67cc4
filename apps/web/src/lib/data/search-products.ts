import 'server-only';
import { productPage, type ProductPage } from '@shop/domain';
import { filterParams } from '../listing-filters';
import type { Search } from '../search-url';
import { CATALOG_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

/** One page of search results, narrowed by its filters (any catalog change drops them all). */
export async function searchProducts(search: Search, pageSize: number): Promise<ProductPage> {
  const query = new URLSearchParams({
    q: search.q,
    sort: search.sort,
    page: String(search.page),
    pageSize: String(pageSize),
    ...filterParams(search.filters),
  });
  const page = await fetchApi(`/api/products?${query.toString()}`, productPage, [CATALOG_TAG]);
  // A department among the filters that is none (a hand-edited link): nothing is found.
  return page ?? { items: [], page: search.page, pageSize, total: 0 };
}
