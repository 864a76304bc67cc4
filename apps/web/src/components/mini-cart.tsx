'use client';

import { formatPrice } from '@shop/domain/money';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef } from 'react';
import { cartItemCount, updateShopper, useShopper } from '@/lib/shopper/shopper-store';
import { LowStockNote } from './low-stock-note';
import styles from './mini-cart.module.css';
import { ProductImage } from './product-image';

const close = () => updateShopper({ justAdded: null });

/**
 * The confirmation after "Add to cart": the line just added, the cart's subtotal and count, and
 * the ways on. A non-modal dialog: it takes focus when it opens (so keyboard and screen-reader
 * users land on it) but traps nothing; Escape or its close button hands focus back to where it
 * was. Leaving the page closes it.
 */
export function MiniCart() {
  const { cart, justAdded } = useShopper();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  /** Where focus was when it opened: the add button, normally. */
  const returnTo = useRef<HTMLElement | null>(null);
  const pathname = usePathname();
  const line = justAdded && cart?.items.find((item) => item.productId === justAdded.productId);
  const open = Boolean(line);
  const shownOn = useRef(pathname);

  const dismiss = () => {
    close();
    // Only when focus is still in the mini-cart: a shopper who moved on keeps their place.
    if (panel.current?.contains(document.activeElement)) returnTo.current?.focus();
  };

  useEffect(() => {
    if (shownOn.current === pathname) return;
    shownOn.current = pathname;
    close();
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      returnTo.current = document.activeElement;
    }
    panel.current?.focus({ preventScroll: true });
  }, [open, justAdded?.at]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dismiss();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (!justAdded || !line || !cart) return null;
  const count = cartItemCount(cart);

  return (
    <div
      ref={panel}
      className={styles.panel}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      data-testid="mini-cart"
    >
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          <svg className={styles.check} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d="M3 8.5l3.2 3L13 4.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          Added to your cart
        </h2>
        <button type="button" className={styles.close} onClick={dismiss} aria-label="Close">
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d="M4 4l8 8M12 4l-8 8"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </div>

      <div className={styles.line} data-testid="mini-cart-line">
        <div className={styles.thumb}>
          <ProductImage
            product={{ slug: line.slug, name: line.name, image: line.image }}
            sizes="64px"
          />
        </div>
        <div className={styles.info}>
          <p className={styles.name}>{line.name}</p>
          <p className={styles.meta}>
            Quantity {justAdded.quantity}
            {line.quantity > justAdded.quantity ? ` · ${line.quantity} in your cart` : ''}
          </p>
          <LowStockNote stock={line.stock} />
        </div>
        <p className={styles.price}>
          {formatPrice(line.priceCents * justAdded.quantity, cart.currency)}
        </p>
      </div>

      <p className={styles.subtotal} data-testid="mini-cart-subtotal">
        <span>
          Subtotal ({count} {count === 1 ? 'item' : 'items'})
        </span>
        <span>{formatPrice(cart.totalCents, cart.currency)}</span>
      </p>

      <div className={styles.actions}>
        <Link className="button button-secondary" href="/cart">
          View cart
        </Link>
        <Link className="button" href="/checkout">
          Checkout
        </Link>
      </div>
    </div>
  );
}
