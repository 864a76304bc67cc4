'use client';

import styles from './stock-conflict.module.css';

interface Props {
  name: string;
  /** How many the cart holds (or the order asked for). */
  inCart: number;
  /** How many are in stock now. */
  available: number;
  /** Sets the line to `available` (0: removes it). */
  onFix: (quantity: number) => void;
  busy?: boolean;
}

/**
 * A cart line holding more than is in stock, and the fix right beside it: "Set to N", or
 * "Remove" when none are left.
 */
export function StockConflict({ name, inCart, available, onFix, busy = false }: Props) {
  return (
    <div className={styles.conflict} data-testid="stock-conflict">
      <p className={styles.message}>
        {available > 0
          ? `Only ${available} left — you have ${inCart} in your cart.`
          : `${name} is sold out.`}
      </p>
      <button
        type="button"
        className={styles.fix}
        onClick={() => {
          if (!busy) onFix(available);
        }}
        aria-disabled={busy}
      >
        {available > 0 ? `Set to ${available}` : 'Remove'}
        <span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}
