// /search?q=&sort=&page= — the products matching a shopper's words (the header's search box)
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ChosenFilters, NoneMatch } from '@/components/chosen-filters';
import { FilterPanel } from '@/components/filter-panel';
import { SearchedWords } from '@/components/searched-words';
import { Pagination } from '@/components/pagination';
import { ProductGrid } from '@/components/product-grid';
import { SortForm } from '@/components/sort-form';
import { categoryHref } from '@/lib/category-url';
import { chosenFilters } from '@/lib/chosen-filters';
import { getCategories } from '@/lib/data/get-categories';
import { searchProducts } from '@/lib/data/search-products';
import { filterParams, isFiltered } from '@/lib/listing-filters';
import {
  DEFAULT_SEARCH_SORT,
  parseSearch,
  SEARCH_PAGE_SIZE,
  searchHref,
  searchSortLabels,
  type Search,
} from '@/lib/search-url';
import listingStyles from '@/components/listing.module.css';
import styles from './search.module.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearch(await searchParams);
  // Results pages are not for search engines: they would index the same products many times.
  return { title: q ? `Search: ${q}` : 'Search', robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const search = parseSearch(await searchParams);
  return (
    <div className="container page">
      <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Search' }]} />
      <SearchedWords q={search.q} />
      {search.q ? <Results search={search} /> : <NoWords />}
    </div>
  );
}

async function Results({ search }: { search: Search }) {
  const results = await searchProducts(search, SEARCH_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(results.total / SEARCH_PAGE_SIZE));
  if (search.page > pageCount) notFound();
  const first = (search.page - 1) * SEARCH_PAGE_SIZE + 1;
  const last = first + results.items.length - 1;
  const found =
    results.total === 1
      ? '1 product'
      : `${results.total.toLocaleString('en-US')}${results.capped ? '+' : ''} products`;

  const { q, sort, filters } = search;
  const filtered = isFiltered(filters);
  const chosen = chosenFilters(filters, results.facets, (narrowed) =>
    searchHref(q, { sort, filters: narrowed }),
  );
  // Filters are offered once something matched the words (whatever the filters let through).
  const matchedAny = (results.facets?.priceBands ?? []).some((band) => band.count > 0);

  return (
    <>
      <header className={listingStyles.header}>
        <div>
          <h1 className={`${listingStyles.title} ${styles.query}`}>
            Results for <q>{q}</q>
          </h1>
          <p className={listingStyles.count} role="status" data-testid="listing-count">
            {results.searchedInstead ? (
              <>
                No products match <q>{q}</q>. Showing {found} for{' '}
                <q className={styles.instead}>{results.searchedInstead}</q>.
              </>
            ) : (
              <>
                {found}
                {filtered ? ' match your filters' : null}
                {pageCount > 1 ? ` · showing ${first}–${last}` : null}
              </>
            )}
          </p>
        </div>
        {results.total > 1 ? (
          <SortForm
            action="/search"
            sort={sort}
            labels={searchSortLabels}
            keep={{ q, ...filterParams(filters) }}
          />
        ) : null}
      </header>

      <div className={matchedAny ? listingStyles.layout : undefined}>
        {matchedAny && results.facets ? (
          <FilterPanel
            action="/search"
            facets={results.facets}
            filters={filters}
            keep={{ q, ...(sort === DEFAULT_SEARCH_SORT ? {} : { sort }) }}
            departments
          />
        ) : null}
        <div>
          <ChosenFilters chosen={chosen} clearHref={searchHref(q, { sort })} />
          {results.items.length > 0 ? (
            <ProductGrid
              products={results.items}
              headingLevel="h2"
              eager={4}
              testId="search-results"
            />
          ) : matchedAny ? (
            <NoneMatch clearHref={searchHref(q, { sort })} />
          ) : (
            <NothingFound q={q} />
          )}

          <Pagination
            page={search.page}
            pageCount={pageCount}
            hrefFor={(n) => searchHref(q, { sort, page: n, filters })}
          />
        </div>
      </div>
    </>
  );
}

/** Help when nothing matches: what to try, and every department to browse instead. */
async function NothingFound({ q }: { q: string }) {
  const categories = await getCategories();
  return (
    <div className={listingStyles.empty}>
      <p className={styles.emptyTitle}>
        No products match <q>{q}</q>.
      </p>
      <p>
        Check the spelling, use fewer words, or try a more general one (“lamp” rather than “bedside
        lamp”).
      </p>
      <p>Or browse a department:</p>
      <ul className={styles.departments}>
        {categories.map((category) => (
          <li key={category.slug}>
            <Link href={categoryHref(category.slug)}>{category.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NoWords() {
  return (
    <header className={listingStyles.header}>
      <div>
        <h1 className={`${listingStyles.title} ${styles.query}`}>Search</h1>
        <p className={listingStyles.count}>
          Type what you are looking for in the search box above.
        </p>
      </div>
    </header>
  );
}
