import { formatPrice } from '@shop/domain';
import Link from 'next/link';
import styles from './order-lines.module.css';
import { OrderTotals } from './order-totals';

export interface OrderLine {
  productId: string;
  name: string;
  /** The product page to link to, when known. */
  slug?: string;
  quantity: number;
  priceCents: number;
}

interface Props {
  lines: OrderLine[];
  currency: string;
  /** The lines' sum plus shipping: what is (or was) paid. */
  totalCents: number;
}

/**
 * A compact list of what is being bought (checkout) or was bought (an order), with the
 * subtotal, the shipping (what the total adds to the lines) and the total.
 */
export function OrderLines({ lines, currency, totalCents }: Props) {
  const subtotalCents = lines.reduce((sum, line) => sum + line.priceCents * line.quantity, 0);
  return (
    <div className={styles.wrap}>
      <ul className={styles.lines} role="list">
        {lines.map((line) => (
          <li key={line.productId} className={styles.line}>
            <span className={styles.quantity}>{line.quantity} ×</span>
            <span className={styles.name}>
              {line.slug ? <Link href={`/p/${line.slug}`}>{line.name}</Link> : line.name}
              {line.quantity > 1 ? (
                <span className={styles.unit}>{formatPrice(line.priceCents, currency)} each</span>
              ) : null}
            </span>
            <span className={styles.amount}>
              {formatPrice(line.priceCents * line.quantity, currency)}
            </span>
          </li>
        ))}
      </ul>
      <OrderTotals
        subtotalCents={subtotalCents}
        shippingCents={totalCents - subtotalCents}
        currency={currency}
      />
    </div>
  );
}
