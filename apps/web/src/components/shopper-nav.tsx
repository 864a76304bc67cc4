'use client';

import { usePathname } from 'next/navigation';
import { useEffect } from 'react';
import { loadShopper } from '@/lib/shopper/load-shopper';
import { cartItemCount, useShopper } from '@/lib/shopper/shopper-store';
import { AccountMenu } from './account-menu';
import { IntentLink } from './intent-link';
import styles from './shopper-nav.module.css';

/** Reload the cart and the signed-in user when the tab comes back after this long away. */
const STALE_AFTER_MS = 10_000;

function BagIcon() {
  return (
    <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M5 8h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path
        d="M9 10V7a3 3 0 0 1 6 0v3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * The header's shopper controls: the account menu, the cart with its item count, and the live
 * region that reads cart and account changes out to screen-reader users. Rendered on the server
 * in their "not known yet" state (the same for everyone, so catalog pages stay cacheable), they
 * ask the API who is shopping once the page is in the browser.
 */
export function ShopperNav() {
  const { user, cart, announcement } = useShopper();
  const pathname = usePathname();

  useEffect(() => {
    void loadShopper();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void loadShopper(STALE_AFTER_MS);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const count = cart ? cartItemCount(cart) : undefined;

  return (
    <div className={styles.nav}>
      <AccountMenu user={user} pathname={pathname} />
      <IntentLink
        href="/cart"
        className={styles.cart}
        aria-current={pathname === '/cart' ? 'page' : undefined}
      >
        <BagIcon />
        {/* The link's name is its text, "Cart 2 items" (the word is hidden on phones, not
            from screen readers), so it contains what a sighted shopper sees. */}
        <span className={styles.cartWord}>Cart</span>{' '}
        <span
          className={`${styles.count} ${count === undefined ? styles.countUnknown : ''} ${count === 0 ? styles.countZero : ''}`}
          data-testid="cart-count"
        >
          {count ?? ''}
        </span>
        {count !== undefined && (
          <span className="visually-hidden"> {count === 1 ? 'item' : 'items'}</span>
        )}
      </IntentLink>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
