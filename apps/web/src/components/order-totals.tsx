import { formatPrice } from '@shop/domain/money';
import styles from './order-totals.module.css';

interface Props {
  subtotalCents: number;
  shippingCents: number;
  currency: string;
  /** The test id of the total's amount (the cart and orders have their own). */
  totalTestId?: string;
}

/** Subtotal, shipping ("Free" when it costs nothing) and the total, their sum. */
export function OrderTotals({
  subtotalCents,
  shippingCents,
  currency,
  totalTestId = 'order-total',
}: Props) {
  return (
    <dl className={styles.totals}>
      <div className={styles.row}>
        <dt>Subtotal</dt>
        <dd className={styles.amount} data-testid="subtotal">
          {formatPrice(subtotalCents, currency)}
        </dd>
      </div>
      <div className={styles.row}>
        <dt>Shipping</dt>
        <dd className={styles.amount} data-testid="shipping">
          {shippingCents === 0 ? 'Free' : formatPrice(shippingCents, currency)}
        </dd>
      </div>
      <div className={`${styles.row} ${styles.total}`}>
        <dt>Total</dt>
        <dd className={styles.amount} data-testid={totalTestId}>
          {formatPrice(subtotalCents + shippingCents, currency)}
        </dd>
      </div>
    </dl>
  );
}
