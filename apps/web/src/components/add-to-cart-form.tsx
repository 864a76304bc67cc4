'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { useShopper } from '@/lib/shopper/shopper-store';
import { AddToCartButton } from './add-to-cart-button';
import styles from './add-to-cart.module.css';

interface Props {
  productId: string;
  productName: string;
  /** Stock when the page was rendered; the picker offers no more than this. */
  stock: number;
  /** The most one cart line may hold (MAX_LINE_QUANTITY). */
  maxQuantity: number;
}

/** The product page's buying box: a quantity picker, the add button and a way to the cart. */
export function AddToCartForm({ productId, productName, stock, maxQuantity }: Props) {
  const [quantity, setQuantity] = useState(1);
  const id = useId();
  const { cart } = useShopper();
  const inCart = cart?.items.find((line) => line.productId === productId)?.quantity ?? 0;
  const most = Math.max(1, Math.min(stock, maxQuantity));

  return (
    <div className={styles.box} data-testid="buy-box">
      {stock > 0 ? (
        <div className={styles.quantity}>
          <label htmlFor={id} className={styles.quantityLabel}>
            Quantity
          </label>
          <select
            id={id}
            className={styles.select}
            value={quantity}
            onChange={(event) => setQuantity(Number(event.target.value))}
          >
            {Array.from({ length: most }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <AddToCartButton
        productId={productId}
        productName={productName}
        inStock={stock > 0}
        quantity={quantity}
        size="large"
      />
      {inCart > 0 ? (
        <p className={styles.inCart}>
          {inCart} in your cart · <Link href="/cart">View cart</Link>
        </p>
      ) : null}
    </div>
  );
}
