'use client';

import { priceBands, type ProductFacets } from '@shop/domain';
import { useRouter } from '@bprogress/next/app';
import type { ChangeEvent, FormEvent } from 'react';
import { priceBandLabels, type ListingFilters } from '@/lib/listing-filters';
import styles from './filter-panel.module.css';

interface Props {
  /** The listing's address without its query (/c/<slug> or /search). */
  action: string;
  facets: ProductFacets;
  filters: ListingFilters;
  /** What else the address keeps when a filter changes (the search's words, the sort). */
  keep?: Record<string, string>;
  /** Offer the departments (search results; a listing is one department). */
  departments?: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The filters as a plain GET form to the listing's address, so they work without JavaScript (an
 * Apply button shows then); with it, a change applies at once, without empty parameters, and
 * starts again at page 1. On a phone they fold into a disclosure above the results; on wider
 * screens they are always open beside them (filter-panel.module.css).
 */
export function FilterPanel({ action, facets, filters, keep = {}, departments = false }: Props) {
  const router = useRouter();
  const navigate = (form: HTMLFormElement) => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value !== '') query.append(name, value);
    }
    const search = query.toString();
    router.push(search ? `${action}?${search}` : action, { scroll: false });
  };
  const onChange = (event: ChangeEvent<HTMLFormElement>) => navigate(event.currentTarget);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(event.currentTarget);
  };
  const chosen = [filters.category, filters.price, filters.inStock || undefined].filter(
    (value) => value !== undefined,
  ).length;
  const anyPrice = facets.priceBands.reduce((sum, band) => sum + band.count, 0);
  const anyDepartment = facets.categories.reduce((sum, category) => sum + category.count, 0);

  return (
    <details className={styles.panel} data-testid="filters">
      <summary className={styles.summary}>
        Filters{chosen > 0 ? <span className={styles.chosen}> ({chosen} chosen)</span> : null}
      </summary>
      <form
        // Props are the page's filters: a new page's form starts from them.
        key={JSON.stringify(filters)}
        method="get"
        action={action}
        className={styles.form}
        onChange={onChange}
        onSubmit={onSubmit}
        aria-label="Filters"
      >
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}

        {departments ? (
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Department</legend>
            <Choice
              name="category"
              value=""
              checked={!filters.category}
              label="All departments"
              count={anyDepartment}
            />
            {facets.categories.map((category) => (
              <Choice
                key={category.slug}
                name="category"
                value={category.slug}
                checked={filters.category === category.slug}
                label={category.name}
                count={category.count}
              />
            ))}
          </fieldset>
        ) : null}

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Price</legend>
          <Choice
            name="price"
            value=""
            checked={!filters.price}
            label="Any price"
            count={anyPrice}
          />
          {priceBands.map(({ band }) => (
            <Choice
              key={band}
              name="price"
              value={band}
              checked={filters.price === band}
              label={priceBandLabels[band]}
              count={facets.priceBands.find((facet) => facet.band === band)?.count ?? 0}
            />
          ))}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Availability</legend>
          <Choice
            type="checkbox"
            name="inStock"
            value="1"
            checked={filters.inStock}
            label="In stock only"
            count={facets.inStock}
          />
        </fieldset>

        <noscript>
          <button type="submit" className="button">
            Apply filters
          </button>
        </noscript>
      </form>
    </details>
  );
}

interface ChoiceProps {
  type?: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  label: string;
  count: number;
}

/** One choice with its count; a choice that would show nothing is offered disabled. */
function Choice({ type = 'radio', name, value, checked, label, count: n }: ChoiceProps) {
  const empty = n === 0 && !checked;
  return (
    <label className={styles.choice} data-disabled={empty || undefined}>
      <input
        type={type}
        name={name}
        value={value}
        defaultChecked={checked}
        disabled={empty}
        className={styles.input}
      />
      <span className={styles.label}>{label}</span>
      <span className={styles.count}>
        {count(n)}
        <span className="visually-hidden"> {n === 1 ? 'product' : 'products'}</span>
      </span>
    </label>
  );
}
