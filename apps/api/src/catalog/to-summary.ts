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
  coverWidth: true,
  coverHeight: true,
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
  coverWidth: number | null;
  coverHeight: number | null;
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.priceCents,
    currency: row.currency,
    image: toCoverImage(row.coverHash, row.coverAlt, row.coverWidth, row.coverHeight),
    inStock: row.stock > 0,
  };
}

/** A card's picture from the product row's cover columns (its size only when known). */
export function toCoverImage(
  hash: string | null,
  alt: string | null,
  width: number | null,
  height: number | null,
): ProductSummary['image'] {
  if (hash === null) return null;
  return {
    hash,
    alt: alt ?? '',
    ...(width === null ? {} : { width }),
    ...(height === null ? {} : { height }),
  };
}
