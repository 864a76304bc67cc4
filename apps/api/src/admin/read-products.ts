// What the admin pages read: the product list (search and paging), one product, its audit log.
// From the primary: an admin works on what is, not on what the replica has replayed.
import type { Db } from '@shop/db';
import type { AdminProduct, AuditEntry } from '@shop/domain';
import { AppError } from '@shop/http';
import { adminProductInclude, toAdminProduct, toAdminProductRow } from './to-admin-product';

const AUDIT_ENTRIES = 100;

export async function listAdminProducts(
  db: Db,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  const words = query.q?.trim();
  const rows = await db.primary.product.findMany({
    where: words
      ? {
          OR: [
            { name: { contains: words, mode: 'insensitive' } },
            { slug: { startsWith: words.toLowerCase() } },
          ],
        }
      : {},
    include: adminProductInclude,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    skip: (query.page - 1) * query.pageSize,
    // One more than a page says whether there is a next one, without counting the table.
    take: query.pageSize + 1,
  });
  return {
    items: rows.slice(0, query.pageSize).map(toAdminProductRow),
    page: query.page,
    pageSize: query.pageSize,
    hasMore: rows.length > query.pageSize,
  };
}

export async function getAdminProduct(db: Db, id: string): Promise<AdminProduct> {
  const row = await db.primary.product.findUnique({ where: { id }, include: adminProductInclude });
  if (!row) throw new AppError('PRODUCT_NOT_FOUND', `No product ${id}`, { field: 'id' });
  return toAdminProduct(row);
}

export async function getAudit(db: Db, productId: string): Promise<AuditEntry[]> {
  const rows = await db.primary.productAudit.findMany({
    where: { productId },
    include: { actor: { select: { email: true } } },
    orderBy: { at: 'desc' },
    take: AUDIT_ENTRIES,
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action as AuditEntry['action'],
    actor: row.actor?.email ?? null,
    at: row.at.toISOString(),
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: row.after as Record<string, unknown>,
  }));
}
