import 'server-only';
import { product, type Product } from '@shop/domain';
import { CATALOG_TAG, productTag } from './cache-tags';
import { fetchApi } from './fetch-api';

/** One product by slug with its description, stock and category; null when there is none. */
export async function getProduct(slug: string): Promise<Product | null> {
  return fetchApi(`/api/products/${encodeURIComponent(slug)}`, product, [
    CATALOG_TAG,
    productTag(slug),
  ]);
}
