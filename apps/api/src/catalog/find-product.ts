import type { DbReader, Prisma } from '@shop/db';
import type { Product } from '@shop/domain';

/** What a product page needs besides the product's own columns. */
export const productInclude = {
  category: { select: { slug: true, name: true } },
  images: {
    orderBy: { position: 'asc' },
    select: { hash: true, alt: true, width: true, height: true },
  },
} satisfies Prisma.ProductInclude;

export type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

export function toProduct(row: ProductRow): Product {
  const first = row.images[0];
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    priceCents: row.priceCents,
    currency: row.currency,
    stock: row.stock,
    inStock: row.stock > 0,
    image: first ? { hash: first.hash, alt: first.alt } : null,
    images: row.images,
    category: row.category,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A product by slug, or null when there is none. */
export async function findProduct(reader: DbReader, slug: string): Promise<Product | null> {
  const row = await reader.product.findUnique({ where: { slug }, include: productInclude });
  return row ? toProduct(row) : null;
}
