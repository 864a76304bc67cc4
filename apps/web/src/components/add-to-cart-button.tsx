'use client';

import { useAddToCart, type AddStatus } from '@/lib/shopper/use-add-to-cart';
import styles from './add-to-cart.module.css';

const LABELS: Record<AddStatus, string> = {
  idle: 'Add to cart',
  adding: 'Adding…',
  added: 'Added',
};

function CheckIcon() {
  return (
    <svg className={styles.check} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M3 8.5l3.2 3L13 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

interface Props {
  productId: string;
  productName: string;
  inStock: boolean;
  /** How many to add; the product page's quantity picker sets it. */
  quantity?: number;
  size?: 'small' | 'large';
}

/**
 * Puts a product in the cart. Out of stock it is a disabled "Out of stock" button. While adding
 * it stays focusable (aria-disabled, so keyboard focus is not lost) and ignores more presses.
 */
export function AddToCartButton({
  productId,
  productName,
  inStock,
  quantity = 1,
  size = 'small',
}: Props) {
  const { status, error, add } = useAddToCart(productId, productName);
  const sizeClass = size === 'large' ? styles.large : styles.small;

  if (!inStock) {
    return (
      <button
        type="button"
        className={`${styles.button} ${sizeClass}`}
        disabled
        data-testid="add-to-cart"
        aria-label={`Out of stock: ${productName}`}
      >
        Out of stock
      </button>
    );
  }

  return (
    <div className={styles.wrap}>
      <button
        type="button"
        className={`${styles.button} ${sizeClass} ${status === 'added' ? styles.added : ''}`}
        aria-disabled={status === 'adding'}
        onClick={() => void add(quantity)}
        data-testid="add-to-cart"
        data-status={status}
        aria-label={`${LABELS[status]}: ${productName}`}
      >
        {status === 'added' ? <CheckIcon /> : null}
        {LABELS[status]}
      </button>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
