import { priceBands, slug as slugSchema, type PriceBand } from '@shop/domain';

// What narrows a listing or search results, as its address keeps it: ?price=<band>&inStock=1
// (and on search, &category=<slug>). A value that is not one narrows nothing (a hand-edited link
// still shows products); a change of filters starts again at page 1.

export interface ListingFilters {
  price?: PriceBand | undefined;
  inStock: boolean;
  /** Search results only: one department's (a listing is its department). */
  category?: string | undefined;
}

export const NO_FILTERS: ListingFilters = { inStock: false };

export const priceBandLabels: Record<PriceBand, string> = {
  '0-25': 'Under $25',
  '25-50': '$25 – $50',
  '50-100': '$50 – $100',
  '100-250': '$100 – $250',
  '250-up': '$250 and up',
};

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseFilters(params: Params): ListingFilters {
  const price = priceBands.find((band) => band.band === first(params.price))?.band;
  const inStock = ['1', 'true'].includes(first(params.inStock) ?? '');
  const category = slugSchema.safeParse(first(params.category));
  return { price, inStock, category: category.success ? category.data : undefined };
}

export function isFiltered(filters: ListingFilters): boolean {
  return filters.price !== undefined || filters.inStock || filters.category !== undefined;
}

/** The filters as query parameters, in one order (so one filtered page has one address). */
export function filterParams(filters: ListingFilters): Record<string, string> {
  return {
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.price ? { price: filters.price } : {}),
    ...(filters.inStock ? { inStock: '1' } : {}),
  };
}
