import 'server-only';
import { productPage, type ProductPage } from '@shop/domain';
import type { Search } from '../search-url';
import { CATALOG_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

/** One page of search results (any catalog change drops every cached one). */
export async function searchProducts(search: Search, pageSize: number): Promise<ProductPage> {
  const query = new URLSearchParams({
    q: search.q,
    sort: search.sort,
    page: String(search.page),
    pageSize: String(pageSize),
  });
  const page = await fetchApi(`/api/products?${query.toString()}`, productPage, [CATALOG_TAG]);
  // A search has no 404 of its own (no category): a null here would be the API's mistake.
  if (!page) throw new Error('GET /api/products answered 404 to a search');
  return page;
}
