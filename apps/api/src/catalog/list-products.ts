import type { DbReader } from '@shop/db';
import type { ProductListQuery, ProductPage, ProductSort } from '@shop/domain';
import { AppError } from '@shop/http';
import { summarySelect, toSummary } from './to-summary';

const orderBy = {
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  price_asc: [{ priceCents: 'asc' }, { id: 'asc' }],
  price_desc: [{ priceCents: 'desc' }, { id: 'desc' }],
} as const satisfies Record<ProductSort, unknown>;

/** One page of the catalog, optionally within a category; read from the replica (or the primary for read-your-writes). */
export async function listProducts(
  reader: DbReader,
  query: ProductListQuery,
): Promise<ProductPage> {
  let categoryId: string | undefined;
  if (query.category) {
    const category = await reader.category.findUnique({
      where: { slug: query.category },
      select: { id: true },
    });
    if (!category) {
      throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${query.category}'`, {
        field: 'category',
      });
    }
    categoryId = category.id;
  }
  const where = categoryId ? { categoryId } : {};
  const [rows, total] = await Promise.all([
    reader.product.findMany({
      where,
      orderBy: [...orderBy[query.sort]],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: summarySelect,
    }),
    reader.product.count({ where }),
  ]);
  return { items: rows.map(toSummary), page: query.page, pageSize: query.pageSize, total };
}
