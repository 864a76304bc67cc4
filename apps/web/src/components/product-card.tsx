import type { ProductSummary } from '@shop/domain';
// Not from the package's index: the card is also drawn in the browser (hot lists), where the
// index would bring zod and every schema along.
import { formatPrice } from '@shop/domain/money';
import { AddToCartButton } from './add-to-cart-button';
import { ProductImage } from './product-image';
import { IntentLink } from './intent-link';
import styles from './product-card.module.css';

interface Props {
  product: ProductSummary;
  /** The card's heading level, so the page's heading order stays right. */
  headingLevel?: 'h2' | 'h3';
  /** Above the fold: load the picture at once; `high` for the page's largest picture. */
  loading?: 'eager' | 'lazy';
  fetchPriority?: 'high' | 'auto';
}

/**
 * A product in a grid: picture, name (the link; the whole card is clickable), price, stock and
 * an add-to-cart button (a client component; the card's HTML is the same for every shopper).
 */
export function ProductCard({
  product,
  headingLevel: Heading = 'h2',
  loading = 'lazy',
  fetchPriority = 'auto',
}: Props) {
  return (
    <article
      className={`${styles.card} ${product.inStock ? '' : styles.soldOut}`}
      data-testid="product-card"
    >
      <ProductImage
        product={product}
        sizes="(min-width: 1240px) 285px, (min-width: 1024px) 23vw, (min-width: 720px) 31vw, 48vw"
        loading={loading}
        fetchPriority={fetchPriority}
      />
      <div className={styles.body}>
        <Heading className={styles.name}>
          <IntentLink href={`/p/${product.slug}`} className={styles.link}>
            {product.name}
          </IntentLink>
        </Heading>
        <p className={styles.price} data-testid="product-card-price">
          {formatPrice(product.priceCents, product.currency)}
        </p>
        <div className={styles.actions}>
          <AddToCartButton
            productId={product.id}
            productName={product.name}
            inStock={product.inStock}
          />
        </div>
      </div>
      {product.inStock ? null : <p className={styles.badge}>Out of stock</p>}
    </article>
  );
}
