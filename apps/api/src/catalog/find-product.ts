import type { Prisma, SqlReader } from '@shop/db';
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

/** What `toProduct` reads of a row. */
type ProductFields = Pick<
  ProductRow,
  | 'id'
  | 'slug'
  | 'name'
  | 'description'
  | 'priceCents'
  | 'currency'
  | 'stock'
  | 'images'
  | 'category'
  | 'createdAt'
>;

export function toProduct(row: ProductFields): Product {
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

interface ProductSqlRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  price_cents: number;
  currency: string;
  stock: number;
  created_at: Date;
  category_slug: string;
  category_name: string;
  images: { hash: string; alt: string; width: number; height: number }[];
}

// A product page's cache miss, in one query: in SQL, as Prisma would spend more on it than
// Postgres does (see list-products.ts).
const PRODUCT_BY_SLUG = `
  SELECT p.id, p.slug, p.name, p.description, p.price_cents, p.currency, p.stock, p.created_at,
         c.slug AS category_slug, c.name AS category_name,
         COALESCE((
           SELECT json_agg(json_build_object('hash', hash, 'alt', alt, 'width', width,
                                             'height', height) ORDER BY position)
           FROM product_images WHERE product_id = p.id
         ), '[]') AS images
  FROM products p JOIN categories c ON c.id = p.category_id
  WHERE p.slug = $1`;

/** A product by slug, or null when there is none. */
export async function findProduct(sql: SqlReader, slug: string): Promise<Product | null> {
  const { rows } = await sql.query<ProductSqlRow>({
    name: 'catalog:product-by-slug',
    text: PRODUCT_BY_SLUG,
    values: [slug],
  });
  const row = rows[0];
  if (!row) return null;
  return toProduct({
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    priceCents: row.price_cents,
    currency: row.currency,
    stock: row.stock,
    images: row.images,
    category: { slug: row.category_slug, name: row.category_name },
    createdAt: row.created_at,
  });
}
