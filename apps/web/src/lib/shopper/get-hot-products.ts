import type { HotList, ProductSummary } from '@shop/domain';
import { callApi } from './call-api';

/**
 * What shoppers are looking at now (GET /api/hot), highest first: of the whole shop, or of one
 * category. A stale list (the workers are behind) is still worth showing. Empty when there is
 * nothing to show or the list cannot be had (the section then stays away).
 */
export async function getHotProducts(options: {
  category?: string;
  limit: number;
}): Promise<ProductSummary[]> {
  const query = new URLSearchParams({ limit: String(options.limit) });
  if (options.category) query.set('category', options.category);
  try {
    const list = await callApi<HotList>(`/api/hot?${query.toString()}`, { retry: true });
    return Array.isArray(list.items) ? list.items.map((item) => item.product) : [];
  } catch {
    return [];
  }
}
