import { LOW_STOCK } from '@shop/domain/cart-limits';
import styles from './low-stock-note.module.css';

/** "Only N left" (or "Out of stock") when a product's stock is low; nothing otherwise. */
export function LowStockNote({ stock }: { stock: number }) {
  if (stock > LOW_STOCK) return null;
  return (
    <p className={styles.note} data-testid="low-stock">
      {stock > 0 ? `Only ${stock} left` : 'Out of stock'}
    </p>
  );
}
