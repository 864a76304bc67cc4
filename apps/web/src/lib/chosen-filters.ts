import type { ProductFacets } from '@shop/domain';
import type { ChosenFilter } from '@/components/chosen-filters';
import { priceBandLabels, type ListingFilters } from './listing-filters';

/** Each filter in effect with the address of the listing without it (`hrefFor` the filters). */
export function chosenFilters(
  filters: ListingFilters,
  facets: ProductFacets | undefined,
  hrefFor: (filters: ListingFilters) => string,
): ChosenFilter[] {
  const chosen: ChosenFilter[] = [];
  if (filters.category) {
    const name = facets?.categories.find((c) => c.slug === filters.category)?.name;
    chosen.push({
      label: name ?? filters.category,
      href: hrefFor({ ...filters, category: undefined }),
    });
  }
  if (filters.price) {
    chosen.push({
      label: priceBandLabels[filters.price],
      href: hrefFor({ ...filters, price: undefined }),
    });
  }
  if (filters.inStock) {
    chosen.push({ label: 'In stock only', href: hrefFor({ ...filters, inStock: false }) });
  }
  return chosen;
}
