import 'server-only';
import { sitemapProductPage, type SitemapProductPage } from '@shop/domain';
import { CATALOG_TAG, LISTINGS_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

/**
 * One page of every product's slug and last change (10,000 a page), in id order. Tagged as a
 * listing of the whole shop: a product added, moved or removed drops it.
 */
export async function listSitemapProducts(page: number): Promise<SitemapProductPage> {
  const found = await fetchApi(`/api/sitemap/products?page=${page}`, sitemapProductPage, [
    CATALOG_TAG,
    LISTINGS_TAG,
  ]);
  // The route has no 404 of its own: a null here would be the API's mistake.
  if (!found) throw new Error('GET /api/sitemap/products answered 404');
  return found;
}
