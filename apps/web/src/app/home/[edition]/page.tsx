// / — the shop's front: a welcome, its departments, the newest products and what is trending
// (reached through the rewrite of / in next.config.ts).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HotProducts } from '@/components/hot-products';
import { IntentLink } from '@/components/intent-link';
import { ProductGrid } from '@/components/product-grid';
import { ProductImage } from '@/components/product-image';
import { getCategories } from '@/lib/data/get-categories';
import { listProducts } from '@/lib/data/list-products';
import { categoryHref } from '@/lib/category-url';
import { HOME_EDITION } from '@/lib/home-url';
import { SHOP_DESCRIPTION, SHOP_OPEN_GRAPH, SHOP_TITLE } from '@/lib/seo/shop';
import { tilePalette } from '@/lib/tile-palette';
import styles from './page.module.css';

const NEW_ARRIVALS = 8;
const TRENDING = 8;

// A route with no dynamic segment would be prerendered by `next build`, which has no API.
// So / is rewritten to /home/front, an ISR route like the category pages: rendered on its first
// visit, served from the cache, re-rendered in the background at most once a minute.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { edition: string }[] {
  return [];
}

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: {
    ...SHOP_OPEN_GRAPH,
    type: 'website',
    title: SHOP_TITLE,
    description: SHOP_DESCRIPTION,
    url: '/',
  },
};

export default async function HomePage({ params }: { params: Promise<{ edition: string }> }) {
  if ((await params).edition !== HOME_EDITION) notFound();
  const [categories, newest] = await Promise.all([
    getCategories(),
    listProducts({ sort: 'newest', page: 1, pageSize: NEW_ARRIVALS }),
  ]);
  const products = newest?.items ?? [];
  const total = categories.reduce((sum, c) => sum + c.productCount, 0);
  const featured = categories.toSorted((a, b) => b.productCount - a.productCount)[0];

  return (
    <>
      <section className={styles.hero} aria-labelledby="hero-title">
        <div className={`container ${styles.heroInner}`}>
          <div className={styles.heroCopy}>
            <p className={styles.eyebrow}>Just landed: new arrivals</p>
            <h1 id="hero-title" className={styles.heroTitle}>
              Everyday goods, <span className={styles.accent}>well made.</span>
            </h1>
            <p className={styles.lede}>
              {total.toLocaleString('en-US')} things for every room, every season and every day,
              across {categories.length} departments — chosen to be used, not just owned.
            </p>
            <div className={styles.actions}>
              <a className="button" href="#new-arrivals">
                Shop new arrivals
              </a>
              {featured ? (
                <Link className="button button-secondary" href={categoryHref(featured.slug)}>
                  Browse {featured.name}
                </Link>
              ) : null}
            </div>
          </div>
          <div className={styles.mosaic} aria-hidden="true">
            {products.slice(0, 4).map((product) => (
              <div key={product.id} className={styles.mosaicTile}>
                <ProductImage product={product} sizes="220px" size="large" />
              </div>
            ))}
          </div>
        </div>
      </section>

      <section
        id="departments"
        className={`container ${styles.section} ${styles.departmentsSection}`}
        aria-labelledby="departments-title"
      >
        <div className={styles.sectionHead}>
          <h2 id="departments-title" className={styles.sectionTitle}>
            Shop by department
          </h2>
        </div>
        <ul className={styles.departments} role="list">
          {categories.map((category) => (
            <li key={category.slug}>
              <IntentLink
                href={categoryHref(category.slug)}
                className={styles.department}
                style={tilePalette(category.slug)}
              >
                <span className={styles.departmentName}>{category.name}</span>
                <span className={styles.departmentCount}>
                  {category.productCount.toLocaleString('en-US')} products
                </span>
              </IntentLink>
            </li>
          ))}
        </ul>
      </section>

      <section
        id="new-arrivals"
        className={`container ${styles.section}`}
        aria-labelledby="new-title"
      >
        <div className={styles.sectionHead}>
          <h2 id="new-title" className={styles.sectionTitle}>
            New arrivals
          </h2>
          <p className={styles.sectionNote}>Fresh in the catalog</p>
        </div>
        {products.length > 0 ? (
          <ProductGrid products={products} headingLevel="h3" />
        ) : (
          <p className={styles.empty}>New products are on their way. Check back soon.</p>
        )}
      </section>

      {/* Read in the browser (the page is the same for everyone); last, so nothing moves when it appears. */}
      <HotProducts
        limit={TRENDING}
        className={`container ${styles.section}`}
        headingId="trending-title"
        heading={
          <div className={styles.sectionHead}>
            <h2 id="trending-title" className={styles.sectionTitle}>
              Trending now
            </h2>
            <p className={styles.sectionNote}>What shoppers are looking at</p>
          </div>
        }
      />
    </>
  );
}
