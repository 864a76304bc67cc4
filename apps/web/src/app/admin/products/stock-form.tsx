'use client';

import type { AdminProduct } from '@shop/domain';
import { useState, type FormEvent } from 'react';
import { adjustStock } from '@/lib/admin/catalog-admin';
import { describeFailure } from '@/lib/shopper/call-api';
import { fieldProblems } from '@/lib/shopper/field-problems';
import styles from '../admin.module.css';

/** Units received or written off, with a reason; added to what is in stock at that moment. */
export function StockForm({
  product,
  onAdjusted,
}: {
  product: AdminProduct;
  onAdjusted: (product: AdminProduct) => void | Promise<void>;
}) {
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const units = Number(delta);
    if (!/^[+-]?\d+$/.test(delta.trim()) || units === 0) {
      setError('Enter the units received (like 12) or written off (like -3).');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onAdjusted(await adjustStock(product.id, units, reason));
      setDelta('');
      setReason('');
    } catch (failure) {
      setError(fieldProblems(failure)[0]?.message ?? describeFailure(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.card} onSubmit={submit} noValidate data-testid="stock-form">
      <h2 className={styles.cardTitle}>Stock</h2>
      <p className={styles.stock} data-testid="stock-level">
        {product.stock} {product.stock === 1 ? 'unit' : 'units'} in stock
      </p>
      <div className={styles.pair}>
        <div className={styles.field}>
          <label htmlFor="stock-delta" className={styles.smallLabel}>
            Change by
          </label>
          <input
            id="stock-delta"
            className={styles.input}
            inputMode="numeric"
            placeholder="+12 or -3"
            value={delta}
            onChange={(e) => setDelta(e.target.value)}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor="stock-reason" className={styles.smallLabel}>
            Reason
          </label>
          <input
            id="stock-reason"
            className={styles.input}
            placeholder="Delivery, damaged…"
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      </div>
      {error ? (
        <p className={styles.fieldError} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button-secondary" disabled={busy}>
        {busy ? 'Adjusting…' : 'Adjust stock'}
      </button>
    </form>
  );
}
