import type { SqlReader } from '@shop/db';
import { SITEMAP_PAGE_SIZE, type SitemapProductPage } from '@shop/domain';

// In id order: ids are UUIDv7 (they grow with time), so pages keep their products as the shop
// grows and a new product lands on the last page. Page n skips (n-1) × 10,000 entries of the
// primary key's index; each page reads its 10,000 rows once, for a sitemap file the storefront
// and the edge then keep.
const PAGE = `
  SELECT slug, updated_at FROM products
  ORDER BY id OFFSET $1 LIMIT $2`;
// The count kept per category by a trigger, as listings read it: no count of the table.
const TOTAL = `SELECT COALESCE(sum(product_count), 0)::int AS total FROM categories`;

/** One page of every product's slug and last change, for the storefront's sitemaps. */
export async function listSitemapProducts(
  sql: SqlReader,
  page: number,
): Promise<SitemapProductPage> {
  const [rows, count] = await Promise.all([
    sql.query<{ slug: string; updated_at: Date }>({
      name: 'sitemap:products-page',
      text: PAGE,
      values: [(page - 1) * SITEMAP_PAGE_SIZE, SITEMAP_PAGE_SIZE],
    }),
    sql.query<{ total: number }>({ name: 'sitemap:products-total', text: TOTAL }),
  ]);
  return {
    items: rows.rows.map((row) => ({ slug: row.slug, updatedAt: row.updated_at.toISOString() })),
    page,
    pageSize: SITEMAP_PAGE_SIZE,
    total: count.rows[0]?.total ?? 0,
  };
}
