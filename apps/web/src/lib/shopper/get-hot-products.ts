import type { ProductSummary } from '@shop/domain';
import { callApi } from './call-api';

/** GET /api/hot: the hot list the worker keeps (docs/API.md, "Trending and presence"). */
interface HotList {
  computedAt: string | null;
  /** The workers are behind: the last list, still worth showing. */
  stale: boolean;
  items: { product: ProductSummary; score: number }[];
}

/**
 * What shoppers are looking at now, highest first: of the whole shop, or of one category.
 * Empty when there is nothing to show or the list cannot be had (the section then stays away).
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
