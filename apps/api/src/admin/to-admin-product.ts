import type { AdminProduct, AdminProductRow } from '@shop/domain';
import { type ProductRow, productInclude, toProduct } from '../catalog/find-product';

export { productInclude as adminProductInclude };

export function toAdminProduct(row: ProductRow): AdminProduct {
  return { ...toProduct(row), version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export function toAdminProductRow(row: ProductRow): AdminProductRow {
  const { id, slug, name, priceCents, stock, category, image, version, updatedAt } =
    toAdminProduct(row);
  return { id, slug, name, priceCents, stock, category, image, version, updatedAt };
}

/** The fields an admin edits, as the audit log keeps them. */
export function editableFields(row: ProductRow) {
  return {
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    stock: row.stock,
    categorySlug: row.category.slug,
    images: row.images.map(({ hash, alt }) => ({ hash, alt })),
  };
}
