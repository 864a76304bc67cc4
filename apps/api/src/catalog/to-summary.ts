import type { ProductSummary } from '@shop/domain';

export const summarySelect = {
  id: true,
  slug: true,
  name: true,
  priceCents: true,
  currency: true,
  stock: true,
  images: { select: { hash: true, alt: true }, orderBy: { position: 'asc' }, take: 1 },
} as const;

interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  currency: string;
  stock: number;
  images: { hash: string; alt: string }[];
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.priceCents,
    currency: row.currency,
    image: row.images[0] ?? null,
    inStock: row.stock > 0,
  };
}
