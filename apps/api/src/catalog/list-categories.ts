import type { DbReader } from '@shop/db';
import type { Category } from '@shop/domain';

/** Every category in shop order, with how many products it holds; read from the replica (or the primary for read-your-writes). */
export async function listCategories(reader: DbReader): Promise<Category[]> {
  const rows = await reader.category.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, _count: { select: { products: true } } },
  });
  return rows.map((row) => ({ slug: row.slug, name: row.name, productCount: row._count.products }));
}
