'use client';

import { formatPrice } from '@shop/domain';
import Link from 'next/link';
import { LoadFailure } from '@/components/load-failure';
import { listOrders } from '@/lib/shopper/list-orders';
import { formatOrderDate, itemCount, ORDER_STATUS_LABELS } from '@/lib/shopper/order-status';
import { accountHref } from '@/lib/shopper/return-path';
import { useShopper } from '@/lib/shopper/shopper-store';
import { useAccountRead } from '@/lib/shopper/use-account-read';
import styles from './orders.module.css';

/** One account's orders; keyed by the user, so signing in as someone else starts afresh. */
function AccountOrders() {
  const { value: orders, error, retry } = useAccountRead(listOrders);

  if (error) {
    return (
      <LoadFailure what="your orders" message={error} onRetry={retry} className={styles.empty} />
    );
  }
  if (!orders) {
    return (
      <p className={styles.note} aria-busy="true">
        Loading your orders…
      </p>
    );
  }
  if (orders.length === 0) {
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
      {orders.map((order) => {
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
