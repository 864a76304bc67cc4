import type { ProductSummary } from '@shop/domain';

export const summarySelect = {
  id: true,
  slug: true,
  name: true,
  priceCents: true,
  currency: true,
  stock: true,
  coverHash: true,
  coverAlt: true,
} as const;

interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  currency: string;
  stock: number;
  coverHash: string | null;
  coverAlt: string | null;
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.priceCents,
    currency: row.currency,
    image: row.coverHash === null ? null : { hash: row.coverHash, alt: row.coverAlt ?? '' },
    inStock: row.stock > 0,
  };
}
