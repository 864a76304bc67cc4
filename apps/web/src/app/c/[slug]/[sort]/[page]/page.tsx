// /c/<slug>?sort=&page= — one category's products (reached through the rewrites in next.config.ts)
import { slug as slugSchema, type ProductSort } from '@shop/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { HotProducts } from '@/components/hot-products';
import { JsonLd } from '@/components/json-ld';
import { Pagination } from '@/components/pagination';
import { ProductGrid } from '@/components/product-grid';
import { SortForm } from '@/components/sort-form';
import {
  CATEGORY_PAGE_SIZE,
  categoryHref,
  parsePage,
  parseSort,
  sortLabels,
} from '@/lib/category-url';
import { getCategory } from '@/lib/data/get-categories';
import { listProducts } from '@/lib/data/list-products';
import { SHOP_OPEN_GRAPH } from '@/lib/seo/shop';
import { breadcrumbData } from '@/lib/seo/structured-data';
import listingStyles from '@/components/listing.module.css';
import styles from './category.module.css';

const POPULAR = 4;

// ISR without touching the API at build time: no listing is prerendered by `next build`
// (generateStaticParams returns []); each (category, sort, page) is rendered on its first visit,
// then served from the cache and re-rendered in the background at most once a minute, or
// earlier when its `category:<slug>` or `catalog` tag is revalidated.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; sort: string; page: string }[] {
  return [];
}

interface Params {
  slug: string;
  sort: string;
  page: string;
}

interface Listing {
  slug: string;
  sort: ProductSort;
  page: number;
}

function parseParams(params: Params): Listing | null {
  const slug = slugSchema.safeParse(params.slug);
  const sort = parseSort(params.sort);
  const page = parsePage(params.page);
  if (!slug.success || !sort || !page) return null;
  return { slug: slug.data, sort, page };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const listing = parseParams(await params);
  const category = listing ? await getCategory(listing.slug) : null;
  if (!listing || !category) return { title: 'Category not found' };
  const suffix = listing.page > 1 ? ` — page ${listing.page}` : '';
  const title = `${category.name}${suffix}`;
  const description = `Shop ${category.productCount} products in ${category.name} at Shopscale.`;
  // Each page of the listing is its own canonical page; every sort of it is the same products,
  // so a sorted listing points at the unsorted one.
  const canonical = categoryHref(category.slug, { page: listing.page });
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: { ...SHOP_OPEN_GRAPH, type: 'website', title, description, url: canonical },
  };
}

export default async function CategoryPage({ params }: { params: Promise<Params> }) {
  const listing = parseParams(await params);
  if (!listing) notFound();
  const { slug, sort, page } = listing;

  const [category, products] = await Promise.all([
    getCategory(slug),
    listProducts({ category: slug, sort, page, pageSize: CATEGORY_PAGE_SIZE }),
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

  return (
    <div className="container page">
      <JsonLd data={breadcrumbData(trail)} />
      <Breadcrumbs items={trail} />

      <header className={listingStyles.header}>
        <div>
          <h1 className={listingStyles.title}>{category.name}</h1>
          <p className={listingStyles.count}>
            {products.total.toLocaleString('en-US')} {products.total === 1 ? 'product' : 'products'}
            {products.items.length > 0 && pageCount > 1 ? (
              <>
                {' '}
                · showing {first}–{last}, {sortLabels[sort].toLowerCase()}
              </>
            ) : null}
          </p>
        </div>
        <SortForm action={categoryHref(slug)} sort={sort} labels={sortLabels} />
      </header>

      {products.items.length > 0 ? (
        <ProductGrid
          products={products.items}
          headingLevel="h2"
          eager={4}
          testId="category-products"
        />
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
        hrefFor={(n) => categoryHref(slug, { sort, page: n })}
      />

      {/* Read in the browser (the page is the same for everyone); last, so nothing moves when it
          appears. Sorted by popularity, the listing already says it. */}
      {sort === 'popular' ? null : (
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
