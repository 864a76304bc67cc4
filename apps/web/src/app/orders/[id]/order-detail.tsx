'use client';

import type { Order } from '@shop/domain';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { LoadFailure } from '@/components/load-failure';
import { OrderLines } from '@/components/order-lines';
import { OrderMissing } from '@/components/order-missing';
import { callApi, describeFailure, ShopApiError } from '@/lib/shopper/call-api';
import { formatAddress } from '@/lib/shopper/format-address';
import { formatOrderDate, ORDER_STATUS_LABELS } from '@/lib/shopper/order-status';
import { accountHref } from '@/lib/shopper/return-path';
import { useShopper } from '@/lib/shopper/shopper-store';
import styles from '../orders.module.css';

interface Loaded {
  order?: Order;
  missing?: boolean;
  error?: string;
}

interface Props {
  id: string;
  /** Arrived straight from checkout: thank the shopper. */
  justPlaced: boolean;
  /** The order as the server read it for this shopper, when it could. */
  initialOrder?: Order;
}

/** One order, fetched for its owner or the guest browser that placed it. */
export function OrderDetail({ id, justPlaced, initialOrder }: Props) {
  const { user, lastOrder } = useShopper();
  const [loaded, setLoaded] = useState<Loaded>({ order: initialOrder });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (attempt === 0 && initialOrder) return;
    let live = true;
    callApi<{ order: Order }>(`/api/orders/${encodeURIComponent(id)}`, { retry: true }).then(
      ({ order }) => {
        if (live) setLoaded({ order });
      },
      (error: unknown) => {
        if (!live) return;
        const missing =
          error instanceof ShopApiError && (error.status === 404 || error.status === 400);
        setLoaded(missing ? { missing } : { error: describeFailure(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [id, attempt, initialOrder]);

  // The order this tab just placed shows at once; the API's copy replaces it when it arrives.
  const order = loaded.order ?? (lastOrder?.id === id ? lastOrder : undefined);

  if (!order) {
    if (loaded.missing) return <OrderMissing id={id} signedIn={user !== null} />;
    if (loaded.error) {
      return (
        <LoadFailure
          what="this order"
          message={loaded.error}
          onRetry={() => {
            setLoaded({});
            setAttempt((n) => n + 1);
          }}
          className={styles.empty}
        />
      );
    }
    return (
      <p className={styles.note} aria-busy="true">
        Loading your order…
      </p>
    );
  }

  return (
    <article className={styles.detail}>
      {justPlaced ? (
        <header className={styles.thanks}>
          <svg
            className={styles.thanksIcon}
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
          >
            <circle cx="12" cy="12" r="11" fill="currentColor" />
            <path
              d="M7 12.5l3.2 3L17 8.5"
              fill="none"
              stroke="#fff"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <div>
            <h1 className={styles.thanksTitle}>Thank you for your order!</h1>
            <p className={styles.thanksText}>
              Order{' '}
              <strong>
                #<span data-testid="order-number">{order.number}</span>
              </strong>{' '}
              is placed. A confirmation goes to <strong>{order.email}</strong>.
            </p>
          </div>
        </header>
      ) : (
        <header className={styles.detailHead}>
          <h1 className={styles.title}>
            Order #<span data-testid="order-number">{order.number}</span>
          </h1>
        </header>
      )}

      <dl className={styles.facts}>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`${styles.status} ${styles[order.status] ?? ''}`}>
              {ORDER_STATUS_LABELS[order.status]}
            </span>
          </dd>
        </div>
        <div>
          <dt>Placed</dt>
          <dd>{formatOrderDate(order.createdAt)}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd className={styles.breakable}>{order.email}</dd>
        </div>
      </dl>

      <div className={styles.detailGrid}>
        <section className={styles.panel} aria-labelledby="order-items-title">
          <h2 id="order-items-title" className={styles.panelTitle}>
            Items
          </h2>
          <OrderLines
            lines={order.items.map((item) => ({ ...item }))}
            currency={order.currency}
            totalCents={order.totalCents}
          />
        </section>
        <section className={styles.panel} aria-labelledby="order-ship-title">
          <h2 id="order-ship-title" className={styles.panelTitle}>
            Shipping to
          </h2>
          <address className={styles.address} data-testid="shipping-address">
            {formatAddress(order.shippingAddress).map((line, n) => (
              <span key={n} className={styles.addressLine}>
                {line}
              </span>
            ))}
          </address>
        </section>
      </div>

      <div className={styles.actions}>
        <Link className="button" href="/">
          Continue shopping
        </Link>
        {user ? (
          <Link className="button button-secondary" href="/orders">
            My orders
          </Link>
        ) : null}
      </div>
      {user === null ? (
        <p className={styles.tip}>
          Want to find this order again later?{' '}
          <Link href={accountHref('/register', `/orders/${order.id}`)}>Create an account</Link> with{' '}
          {order.email} (or <Link href={accountHref('/login', '/orders')}>sign in</Link>) in this
          browser and it is kept with your account.
        </p>
      ) : null}
    </article>
  );
}
