// /p/<slug> — one product: its pictures, name, price, stock, add to cart, description and more from its category
import {
  decimalPrice,
  formatPrice,
  LOW_STOCK,
  MAX_LINE_QUANTITY,
  slug as slugSchema,
  type Product,
} from '@shop/domain';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToCartForm } from '@/components/add-to-cart-form';
import { Breadcrumbs } from '@/components/breadcrumbs';
import { ProductViewBeacon } from '@/components/event-beacons';
import { JsonLd } from '@/components/json-ld';
import { ProductGrid } from '@/components/product-grid';
import { ProductGallery } from '@/components/product-gallery';
import { ViewingNow } from '@/components/viewing-now';
import { categoryHref } from '@/lib/category-url';
import { getProduct } from '@/lib/data/get-product';
import { listProducts } from '@/lib/data/list-products';
import { imagePath, variantSize } from '@/lib/image-url';
import { productHref } from '@/lib/product-url';
import { SHOP_OPEN_GRAPH } from '@/lib/seo/shop';
import { breadcrumbData, productData, SHARED_IMAGE_WIDTH } from '@/lib/seo/structured-data';
import styles from './product.module.css';

// ISR without touching the API at build time: no product is prerendered by `next build`
// (generateStaticParams returns []); each is rendered on its first visit, then served from the
// cache and re-rendered in the background at most once a minute, or earlier when its
// `product:<slug>` or `catalog` tag is revalidated.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const RELATED = 4;

interface Params {
  slug: string;
}

async function findProduct(params: Promise<Params>): Promise<Product | null> {
  const slug = slugSchema.safeParse((await params).slug);
  return slug.success ? getProduct(slug.data) : null;
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const product = await findProduct(params);
  if (!product) return { title: 'Product not found' };
  const path = productHref(product.slug);
  // The first picture, as a JPEG every link preview can show (relative: metadataBase resolves it).
  const images = product.images.slice(0, 1).map((image) => ({
    url: imagePath(image.hash, SHARED_IMAGE_WIDTH, 'jpeg'),
    ...variantSize(image, SHARED_IMAGE_WIDTH),
    alt: image.alt,
    type: 'image/jpeg',
  }));
  return {
    title: product.name,
    description: product.description,
    alternates: { canonical: path },
    // og:type is `product`, with the price (ProductOpenGraph below): Next's openGraph has no
    // product type, and would print its own og:type if one were set here.
    openGraph: {
      ...SHOP_OPEN_GRAPH,
      title: product.name,
      description: product.description,
      url: path,
      images,
    },
    twitter: {
      card: images.length > 0 ? 'summary_large_image' : 'summary',
      title: product.name,
      description: product.description,
      images,
    },
  };
}

/** Open Graph's product properties; React moves these tags into the document's head. */
function ProductOpenGraph({ product }: { product: Product }) {
  return (
    <>
      <meta property="og:type" content="product" />
      <meta property="product:price:amount" content={decimalPrice(product.priceCents)} />
      <meta property="product:price:currency" content={product.currency} />
      <meta
        property="product:availability"
        content={product.stock > 0 ? 'in stock' : 'out of stock'}
      />
    </>
  );
}

function StockState({ stock }: { stock: number }) {
  if (stock <= 0) {
    return (
      <p className={`${styles.stock} ${styles.out}`} data-testid="product-stock">
        Out of stock
      </p>
    );
  }
  if (stock <= LOW_STOCK) {
    return (
      <p className={`${styles.stock} ${styles.low}`} data-testid="product-stock">
        Only {stock} left
      </p>
    );
  }
  return (
    <p className={`${styles.stock} ${styles.in}`} data-testid="product-stock">
      In stock
    </p>
  );
}

export default async function ProductPage({ params }: { params: Promise<Params> }) {
  const product = await findProduct(params);
  if (!product) notFound();

  const sameCategory = await listProducts({
    category: product.category.slug,
    sort: 'newest',
    page: 1,
    pageSize: RELATED + 1,
  });
  const related = (sameCategory?.items ?? []).filter((p) => p.id !== product.id).slice(0, RELATED);
  const added = new Date(product.createdAt).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

  const trail = [
    { label: 'Home', href: '/' },
    { label: product.category.name, href: categoryHref(product.category.slug) },
    { label: product.name, href: productHref(product.slug) },
  ];

  return (
    <div className="container page">
      <ProductOpenGraph product={product} />
      <JsonLd data={productData(product)} />
      <JsonLd data={breadcrumbData(trail)} />
      <Breadcrumbs items={trail} />
      <ProductViewBeacon productId={product.id} />

      <div className={styles.layout}>
        <div className={styles.media}>
          <ProductGallery
            slug={product.slug}
            name={product.name}
            images={product.images}
            sizes="(min-width: 880px) 560px, 100vw"
            overlay={<ViewingNow slug={product.slug} />}
          />
        </div>

        <div className={styles.info}>
          <Link
            className={styles.category}
            href={categoryHref(product.category.slug)}
            data-testid="product-category"
          >
            {product.category.name}
          </Link>
          <h1 className={styles.name} data-testid="product-name">
            {product.name}
          </h1>
          <p className={styles.price} data-testid="product-price">
            {formatPrice(product.priceCents, product.currency)}
          </p>
          <StockState stock={product.stock} />
          <AddToCartForm
            productId={product.id}
            productName={product.name}
            stock={product.stock}
            maxQuantity={MAX_LINE_QUANTITY}
          />

          <p className={styles.description} data-testid="product-description">
            {product.description}
          </p>

          <dl className={styles.facts}>
            <div>
              <dt>Department</dt>
              <dd>
                <Link href={categoryHref(product.category.slug)}>{product.category.name}</Link>
              </dd>
            </div>
            <div>
              <dt>Availability</dt>
              <dd>
                {product.stock > 0
                  ? `${product.stock.toLocaleString('en-US')} in stock`
                  : 'Sold out for now'}
              </dd>
            </div>
            <div>
              <dt>In the catalog since</dt>
              <dd>{added}</dd>
            </div>
          </dl>
        </div>
      </div>

      {related.length > 0 ? (
        <section className={styles.related} aria-labelledby="related-title">
          <div className={styles.relatedHead}>
            <h2 id="related-title" className={styles.relatedTitle}>
              More from {product.category.name}
            </h2>
            <Link href={categoryHref(product.category.slug)}>
              See all<span className="visually-hidden"> in {product.category.name}</span>
            </Link>
          </div>
          <ProductGrid products={related} headingLevel="h3" />
        </section>
      ) : null}
    </div>
  );
}
