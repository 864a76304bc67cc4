import type { ProductSummary } from '@shop/domain';
import { ProductCard } from './product-card';
import styles from './product-grid.module.css';

interface Props {
  products: ProductSummary[];
  headingLevel?: 'h2' | 'h3';
  /**
   * How many of the first cards load their picture eagerly (the first row, above the fold); the
   * first of them is the page's likely largest paint and is fetched first.
   */
  eager?: number;
  /** Names the grid for tests, where a page has more than one. */
  testId?: string;
}

export function ProductGrid({ products, headingLevel = 'h2', eager = 0, testId }: Props) {
  return (
    <ul className={styles.grid} role="list" data-testid={testId}>
      {products.map((product, index) => (
        <li key={product.id} className={styles.item}>
          <ProductCard
            product={product}
            headingLevel={headingLevel}
            loading={index < eager ? 'eager' : 'lazy'}
            fetchPriority={index === 0 && eager > 0 ? 'high' : 'auto'}
          />
        </li>
      ))}
    </ul>
  );
}
