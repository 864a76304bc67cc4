import type { DbReader } from '@shop/db';
import type { Category } from '@shop/domain';

/**
 * Every category in shop order, with how many products it holds (a column kept by a trigger, not
 * a count per request); read from the replica (or the primary for read-your-writes).
 */
export async function listCategories(reader: DbReader): Promise<Category[]> {
  const rows = await reader.category.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, productCount: true },
  });
  return rows.map(({ slug, name, productCount }) => ({ slug, name, productCount }));
}
