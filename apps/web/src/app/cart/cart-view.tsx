'use client';

import { formatPrice, lineQuantityCap, SHIPPING_CENTS, type Cart } from '@shop/domain';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { LoadFailure } from '@/components/load-failure';
import { LowStockNote } from '@/components/low-stock-note';
import { OrderTotals } from '@/components/order-totals';
import { ProductImage } from '@/components/product-image';
import { StockConflict } from '@/components/stock-conflict';
import { describeFailure } from '@/lib/shopper/call-api';
import { removeLine, setLineQuantity } from '@/lib/shopper/change-cart';
import { refreshCart } from '@/lib/shopper/load-shopper';
import { announce, cartItemCount, useShopper } from '@/lib/shopper/shopper-store';
import styles from './cart.module.css';

type Line = Cart['items'][number];

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

/**
 * The quantities a line's picker offers: up to what is in stock (and MAX_LINE_QUANTITY), plus
 * the line's own quantity when the stock has fallen below it, so the picker can show it.
 */
function quantityChoices(line: Line, shown: number): number[] {
  const cap = lineQuantityCap(line);
  const choices = Array.from({ length: cap }, (_, i) => i + 1);
  return shown > cap ? [...choices, shown] : choices;
}

/** The cart's lines with their controls, the total and the way to checkout. */
export function CartView() {
  const { cart, cartError } = useShopper();
  /** Quantities asked for and not yet confirmed by the API, shown meanwhile. */
  const [asked, setAsked] = useState<Record<string, number>>({});
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);

  const heading = (
    <h1 className={styles.title} ref={headingRef} tabIndex={-1}>
      Your cart
    </h1>
  );

  if (!cart) {
    return (
      <>
        {heading}
        {cartError ? (
          <LoadFailure
            what="your cart"
            message={cartError}
            onRetry={() => void refreshCart()}
            className={styles.empty}
          />
        ) : (
          <p className={styles.loading} aria-busy="true">
            Loading your cart…
          </p>
        )}
      </>
    );
  }

  if (cart.items.length === 0) {
    return (
      <>
        {heading}
        <div className={styles.empty} data-testid="cart-empty">
          <p className={styles.emptyTitle}>Your cart is empty</p>
          <p>Find something you like and add it here.</p>
          <Link className="button" href="/">
            Continue shopping
          </Link>
        </div>
      </>
    );
  }

  const change = async (line: Line, quantity: number) => {
    setAsked((current) => ({ ...current, [line.productId]: quantity }));
    setLineErrors((current) => without(current, line.productId));
    try {
      const next = await setLineQuantity(line.productId, quantity);
      announce(
        `${line.name}: quantity ${quantity}. Cart total ${formatPrice(next.totalCents, next.currency)}.`,
      );
    } catch (error) {
      setLineErrors((current) => ({ ...current, [line.productId]: describeFailure(error) }));
    } finally {
      setAsked((current) => without(current, line.productId));
    }
  };

  const remove = async (line: Line) => {
    setLineErrors((current) => without(current, line.productId));
    try {
      await removeLine(line.productId);
      announce(`Removed ${line.name} from your cart.`);
      // The pressed button is gone with its line: give focus a place to stay.
      headingRef.current?.focus();
    } catch (error) {
      setLineErrors((current) => ({ ...current, [line.productId]: describeFailure(error) }));
    }
  };

  const count = cartItemCount(cart);

  return (
    <>
      {heading}
      <p className={styles.count}>
        {count} {count === 1 ? 'item' : 'items'}
      </p>
      <div className={styles.layout}>
        <ul className={styles.lines} role="list">
          {cart.items.map((line) => {
            const quantity = asked[line.productId] ?? line.quantity;
            const pending = asked[line.productId] !== undefined;
            const selectId = `quantity-${line.productId}`;
            const error = lineErrors[line.productId];
            const over = line.quantity > line.stock;
            return (
              <li
                key={line.productId}
                className={`${styles.line} ${pending ? styles.pending : ''}`}
                data-testid="cart-line"
                aria-busy={pending}
              >
                <Link
                  href={`/p/${line.slug}`}
                  className={styles.thumb}
                  tabIndex={-1}
                  aria-hidden="true"
                >
                  <ProductImage
                    product={{ slug: line.slug, name: line.name, image: line.image }}
                    sizes="80px"
                  />
                </Link>
                <div className={styles.info}>
                  <h2 className={styles.name}>
                    <Link href={`/p/${line.slug}`}>{line.name}</Link>
                  </h2>
                  <p className={styles.unit}>{formatPrice(line.priceCents, cart.currency)} each</p>
                  {over ? null : <LowStockNote stock={line.stock} />}
                </div>
                <div className={styles.controls}>
                  <label htmlFor={selectId} className="visually-hidden">
                    Quantity of {line.name}
                  </label>
                  <select
                    id={selectId}
                    className={styles.select}
                    value={quantity}
                    onChange={(event) => void change(line, Number(event.target.value))}
                    data-testid="cart-quantity"
                  >
                    {quantityChoices(line, quantity).map((n) => (
                      <option key={n} value={n} disabled={n > line.stock}>
                        {n}
                      </option>
                    ))}
                  </select>
                  <button type="button" className={styles.remove} onClick={() => void remove(line)}>
                    Remove<span className="visually-hidden"> {line.name}</span>
                  </button>
                </div>
                <p className={styles.lineTotal} data-testid="line-total">
                  {formatPrice(line.lineTotalCents, cart.currency)}
                </p>
                {over || error ? (
                  <div className={styles.lineNotes}>
                    {over ? (
                      <StockConflict
                        name={line.name}
                        inCart={line.quantity}
                        available={line.stock}
                        busy={pending}
                        onFix={(n) => void (n > 0 ? change(line, n) : remove(line))}
                      />
                    ) : null}
                    {error ? (
                      <p className={styles.lineError} role="alert">
                        {error}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>

        <aside className={styles.summary} aria-labelledby="cart-summary-title">
          <h2 id="cart-summary-title" className={styles.summaryTitle}>
            Summary
          </h2>
          <OrderTotals
            subtotalCents={cart.totalCents}
            shippingCents={SHIPPING_CENTS}
            currency={cart.currency}
            totalTestId="cart-total"
          />
          <p className={styles.note}>
            A demonstration store: nothing is charged and nothing ships.
          </p>
          <Link
            className={`button ${styles.checkout}`}
            href="/checkout"
            data-testid="checkout-link"
          >
            Checkout
          </Link>
          <Link className={styles.continue} href="/">
            Continue shopping
          </Link>
        </aside>
      </div>
    </>
  );
}
