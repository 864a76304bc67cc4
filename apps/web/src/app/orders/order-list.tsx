'use client';

import { formatPrice, type Order } from '@shop/domain';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { callApi, describeFailure, ShopApiError } from '@/lib/shopper/call-api';
import { refreshUser } from '@/lib/shopper/load-shopper';
import { formatOrderDate, itemCount, ORDER_STATUS_LABELS } from '@/lib/shopper/order-status';
import { accountHref } from '@/lib/shopper/return-path';
import { useShopper } from '@/lib/shopper/shopper-store';
import styles from './orders.module.css';

interface Loaded {
  orders?: Order[];
  error?: string;
}

/** One account's orders; keyed by the user, so signing in as someone else starts afresh. */
function AccountOrders() {
  const [loaded, setLoaded] = useState<Loaded>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    callApi<{ items: Order[] }>('/api/orders', { retry: true }).then(
      ({ items }) => {
        if (live) setLoaded({ orders: items });
      },
      (error: unknown) => {
        if (!live) return;
        // Signed out meanwhile (another tab, the session ended): the page asks to sign in.
        if (error instanceof ShopApiError && error.status === 401) void refreshUser();
        else setLoaded({ error: describeFailure(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  if (loaded.error) {
    return (
      <div className={styles.empty}>
        <p role="alert">We couldn’t load your orders. {loaded.error}</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            setLoaded({});
            setAttempt((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  if (!loaded.orders) {
    return (
      <p className={styles.note} aria-busy="true">
        Loading your orders…
      </p>
    );
  }
  if (loaded.orders.length === 0) {
    return (
      <div className={styles.empty}>
        <p className={styles.emptyTitle}>No orders yet</p>
        <p>When you place an order, it shows up here.</p>
        <Link className="button" href="/">
          Start shopping
        </Link>
      </div>
    );
  }
  return (
    <ul className={styles.list} role="list">
      {loaded.orders.map((order) => {
        const items = itemCount(order);
        return (
          <li key={order.id} className={styles.row} data-testid="order-row">
            <div className={styles.rowMain}>
              <h2 className={styles.rowTitle}>
                <Link href={`/orders/${order.id}`} className={styles.rowLink}>
                  Order #{order.number}
                </Link>
              </h2>{' '}
              <p className={styles.rowMeta}>
                <span>{formatOrderDate(order.createdAt)}</span>
                <span>
                  {items} {items === 1 ? 'item' : 'items'}
                </span>
              </p>
            </div>
            <span className={`${styles.status} ${styles[order.status] ?? ''}`}>
              {ORDER_STATUS_LABELS[order.status]}
            </span>
            <span className={styles.rowTotal}>{formatPrice(order.totalCents, order.currency)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** "My orders": the list for a signed-in shopper, a way to sign in for a guest. */
export function OrderList() {
  const { user } = useShopper();

  return (
    <>
      <h1 className={styles.title}>My orders</h1>
      {user === undefined ? (
        <p className={styles.note} aria-busy="true">
          Loading…
        </p>
      ) : user === null ? (
        <div className={styles.empty} data-testid="orders-sign-in">
          <p className={styles.emptyTitle}>Sign in to see your orders</p>
          <p>Your orders are kept with your account.</p>
          <div className={styles.actions}>
            <Link className="button" href={accountHref('/login', '/orders')}>
              Sign in
            </Link>
            <Link className="button button-secondary" href={accountHref('/register', '/orders')}>
              Create an account
            </Link>
          </div>
        </div>
      ) : (
        <>
          <p className={styles.lede}>Signed in as {user.email}</p>
          <AccountOrders key={user.id} />
        </>
      )}
    </>
  );
}
