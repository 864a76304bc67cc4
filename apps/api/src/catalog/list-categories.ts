import type { Db } from '@shop/db';
import type { Category } from '@shop/domain';

/** Every category in shop order, with how many products it holds; read from the replica. */
export async function listCategories(db: Db): Promise<Category[]> {
  const rows = await db.client.category.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { slug: true, name: true, _count: { select: { products: true } } },
  });
  return rows.map((row) => ({ slug: row.slug, name: row.name, productCount: row._count.products }));
}
