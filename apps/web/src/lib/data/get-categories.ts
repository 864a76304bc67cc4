import 'server-only';
import { category, type Category } from '@shop/domain';
import { z } from 'zod';
import { ApiError } from './api-error';
import { CATALOG_TAG, CATEGORIES_TAG } from './cache-tags';
import { fetchApi } from './fetch-api';

const categoryList = z.array(category);

/** Every category with its product count, in the API's order; throws when the API fails. */
export async function getCategories(): Promise<Category[]> {
  const categories = await fetchApi('/api/categories', categoryList, [CATALOG_TAG, CATEGORIES_TAG]);
  if (!categories) throw new ApiError('GET /api/categories: API answered 404', 404);
  return categories;
}

/** One category by slug, or null when the shop has no such category. */
export async function getCategory(slug: string): Promise<Category | null> {
  const categories = await getCategories();
  return categories.find((c) => c.slug === slug) ?? null;
}
