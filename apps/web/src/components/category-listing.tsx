import type { ProductSort } from '@shop/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ChosenFilters, NoneMatch } from '@/components/chosen-filters';
import { FilterPanel } from '@/components/filter-panel';
import { HotProducts } from '@/components/hot-products';
import { JsonLd } from '@/components/json-ld';
import { Pagination } from '@/components/pagination';
import { ProductGrid } from '@/components/product-grid';
import { SortForm } from '@/components/sort-form';
import { CATEGORY_PAGE_SIZE, categoryHref, DEFAULT_SORT, sortLabels } from '@/lib/category-url';
import { chosenFilters } from '@/lib/chosen-filters';
import { getCategory } from '@/lib/data/get-categories';
import { listProducts } from '@/lib/data/list-products';
import { filterParams, isFiltered, type ListingFilters } from '@/lib/listing-filters';
import { SHOP_OPEN_GRAPH } from '@/lib/seo/shop';
import { breadcrumbData } from '@/lib/seo/structured-data';
import listingStyles from './listing.module.css';
import styles from './category-listing.module.css';

const POPULAR = 4;

/** One page of a category's listing in one sort, narrowed by a price band or stock or not. */
export interface Listing {
  slug: string;
  sort: ProductSort;
  page: number;
  filters: ListingFilters;
}

export async function categoryMetadata(listing: Listing | null): Promise<Metadata> {
  const category = listing ? await getCategory(listing.slug) : null;
  if (!listing || !category) return { title: 'Category not found' };
  const suffix = listing.page > 1 ? ` — page ${listing.page}` : '';
  const title = `${category.name}${suffix}`;
  const description = `Shop ${category.productCount} products in ${category.name} at Shopscale.`;
  // Each page of the listing is its own canonical page; every sort of it is the same products,
  // so a sorted listing points at the unsorted one. A narrowed listing is a part of the whole
  // one: it points at the listing's first page and is not indexed on its own.
  const filtered = isFiltered(listing.filters);
  const canonical = categoryHref(category.slug, { page: filtered ? 1 : listing.page });
  return {
    title,
    description,
    alternates: { canonical },
    ...(filtered ? { robots: { index: false } } : {}),
    openGraph: { ...SHOP_OPEN_GRAPH, type: 'website', title, description, url: canonical },
  };
}

export async function CategoryListing({ listing }: { listing: Listing }) {
  const { slug, sort, page, filters } = listing;
  const [category, products] = await Promise.all([
    getCategory(slug),
    listProducts({ category: slug, sort, page, pageSize: CATEGORY_PAGE_SIZE, filters }),
  ]);
  if (!category || !products) notFound();

  const pageCount = Math.max(1, Math.ceil(products.total / CATEGORY_PAGE_SIZE));
  // A page past the last one does not exist (it would otherwise be cached as an empty listing).
  if (page > pageCount) notFound();
  const first = (page - 1) * CATEGORY_PAGE_SIZE + 1;
  const last = first + products.items.length - 1;
  const trail = [
    { label: 'Home', href: '/' },
    { label: category.name, href: categoryHref(slug) },
  ];
  const filtered = isFiltered(filters);
  const chosen = chosenFilters(filters, products.facets, (narrowed) =>
    categoryHref(slug, { sort, filters: narrowed }),
  );

  return (
    <div className="container page">
      <JsonLd data={breadcrumbData(trail)} />
      <Breadcrumbs items={trail} />

      <header className={listingStyles.header}>
        <div>
          <h1 className={listingStyles.title}>{category.name}</h1>
          <p className={listingStyles.count} role="status" data-testid="listing-count">
            {products.total.toLocaleString('en-US')} {products.total === 1 ? 'product' : 'products'}
            {filtered ? ' match your filters' : null}
            {products.items.length > 0 && pageCount > 1 ? (
              <>
                {' '}
                · showing {first}–{last}, {sortLabels[sort].toLowerCase()}
              </>
            ) : null}
          </p>
        </div>
        <SortForm
          action={categoryHref(slug)}
          sort={sort}
          labels={sortLabels}
          keep={filterParams(filters)}
        />
      </header>

      <div className={listingStyles.layout}>
        {products.facets ? (
          <FilterPanel
            action={categoryHref(slug)}
            facets={products.facets}
            filters={filters}
            keep={sort === DEFAULT_SORT ? {} : { sort }}
          />
        ) : (
          <div />
        )}
        <div>
          <ChosenFilters chosen={chosen} clearHref={categoryHref(slug, { sort })} />
          {products.items.length > 0 ? (
            <ProductGrid
              products={products.items}
              headingLevel="h2"
              eager={4}
              testId="category-products"
            />
          ) : filtered ? (
            <NoneMatch clearHref={categoryHref(slug, { sort })} />
          ) : (
            <div className={listingStyles.empty}>
              <p>Nothing in this category yet.</p>
              <Link className="button" href="/">
                Continue shopping
              </Link>
            </div>
          )}

          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(n) => categoryHref(slug, { sort, page: n, filters })}
          />
        </div>
      </div>

      {/* Read in the browser (the page is the same for everyone); last, so nothing moves when it
          appears. Sorted by popularity, or narrowed, the listing already says enough. */}
      {sort === 'popular' || filtered ? null : (
        <HotProducts
          category={slug}
          limit={POPULAR}
          className={styles.popular}
          headingId="popular-title"
          heading={
            <h2 id="popular-title" className={styles.popularTitle}>
              Popular in {category.name}
            </h2>
          }
        />
      )}
    </div>
  );
}
