// /search?q=&sort=&page= — the products matching a shopper's words (the header's search box)
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { SearchedWords } from '@/components/searched-words';
import { Pagination } from '@/components/pagination';
import { ProductGrid } from '@/components/product-grid';
import { SortForm } from '@/components/sort-form';
import { categoryHref } from '@/lib/category-url';
import { getCategories } from '@/lib/data/get-categories';
import { searchProducts } from '@/lib/data/search-products';
import {
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

  return (
    <>
      <header className={listingStyles.header}>
        <div>
          <h1 className={`${listingStyles.title} ${styles.query}`}>
            Results for <q>{search.q}</q>
          </h1>
          <p className={listingStyles.count} role="status">
            {results.searchedInstead ? (
              <>
                No products match <q>{search.q}</q>. Showing {found} for{' '}
                <q className={styles.instead}>{results.searchedInstead}</q>.
              </>
            ) : (
              <>
                {found}
                {pageCount > 1 ? ` · showing ${first}–${last}` : null}
              </>
            )}
          </p>
        </div>
        {results.total > 1 ? (
          <SortForm
            action="/search"
            sort={search.sort}
            labels={searchSortLabels}
            keep={{ q: search.q }}
          />
        ) : null}
      </header>

      {results.items.length > 0 ? (
        <ProductGrid products={results.items} headingLevel="h2" eager={4} testId="search-results" />
      ) : (
        <NothingFound q={search.q} />
      )}

      <Pagination
        page={search.page}
        pageCount={pageCount}
        hrefFor={(n) => searchHref(search.q, { sort: search.sort, page: n })}
      />
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
