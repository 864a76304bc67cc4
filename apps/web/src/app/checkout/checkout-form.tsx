'use client';

import { formatPrice, regionLabel, SHIPPING_CENTS, type SavedAddress } from '@shop/domain';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { ErrorSummary, type SummaryItem } from '@/components/error-summary';
import { CheckboxField, SelectField, TextField } from '@/components/form-field';
import { LoadFailure } from '@/components/load-failure';
import { OrderLines } from '@/components/order-lines';
import { StockConflict } from '@/components/stock-conflict';
import { listSavedAddresses, sameAddress } from '@/lib/shopper/address-book';
import { ShopApiError, describeFailure } from '@/lib/shopper/call-api';
import { removeLine, setLineQuantity } from '@/lib/shopper/change-cart';
import {
  CHECKOUT_FIELDS,
  CHECKOUT_MAX_LENGTH,
  checkCheckout,
  checkoutFieldOf,
  describeProblem,
  type CheckoutErrors,
  type CheckoutField,
  type CheckoutValues,
} from '@/lib/shopper/checkout-fields';
import {
  clearCheckoutDraft,
  readCheckoutDraft,
  writeCheckoutDraft,
  type CheckoutDraft,
} from '@/lib/shopper/checkout-draft';
import { fieldProblems } from '@/lib/shopper/field-problems';
import { refreshCart } from '@/lib/shopper/load-shopper';
import { newIdempotencyKey } from '@/lib/shopper/new-idempotency-key';
import { placeOrder } from '@/lib/shopper/place-order';
import { accountHref } from '@/lib/shopper/return-path';
import { SHIPPING_COUNTRIES } from '@/lib/shopper/shipping-countries';
import { announce, useShopper } from '@/lib/shopper/shopper-store';
import styles from './checkout.module.css';
import { SavedAddressChoice } from './saved-address-choice';

const LABELS: Record<CheckoutField, string> = {
  email: 'Email',
  name: 'Full name',
  line1: 'Street address',
  city: 'Town or city',
  // Named after the country when it is shown ("State", "Province", ...).
  region: 'Region',
  postalCode: 'Postal code',
  country: 'Country',
};

const NEW_DRAFT: CheckoutDraft = {
  email: null,
  name: null,
  line1: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
  saveAddress: true,
};

/** The address fields of a draft filled from a saved address. */
function withAddress(draft: CheckoutDraft, address: SavedAddress): CheckoutDraft {
  return {
    ...draft,
    name: address.name,
    line1: address.line1,
    city: address.city,
    region: address.region ?? '',
    postalCode: address.postalCode,
    country: address.country,
  };
}

const fieldId = (field: CheckoutField) => `checkout-${field}`;

interface ShortLine {
  productId: string;
  requested: number;
  available: number;
}

/** Why the last attempt did not place the order, beyond wrong fields. */
interface Failure {
  title: string;
  message?: string;
  short?: ShortLine[];
  toCart?: boolean;
}

function shortLines(error: ShopApiError): ShortLine[] {
  const lines = (error.details as { lines?: unknown } | undefined)?.lines;
  return Array.isArray(lines) ? (lines as ShortLine[]) : [];
}

/** The checkout form: contact and shipping details, the order summary, and placing the order. */
export function CheckoutForm() {
  const { cart, cartError } = useShopper();
  if (!cart) {
    return cartError ? (
      <LoadFailure
        what="your cart"
        message={cartError}
        onRetry={() => void refreshCart()}
        className={styles.empty}
      />
    ) : (
      <p className={styles.note} aria-busy="true">
        Loading your cart…
      </p>
    );
  }
  // The cart is known only in the browser, after mount (the server and hydration see none):
  // the details start from this tab's draft, and the server's HTML never disagrees with them.
  return <CheckoutDetails />;
}

interface Book {
  userId: string;
  addresses: SavedAddress[];
}

function CheckoutDetails() {
  const router = useRouter();
  const { user, cart } = useShopper();
  /** What this tab typed before a detour (to the cart, another page) and back. */
  const [restored] = useState(readCheckoutDraft);
  const [draft, setDraft] = useState<CheckoutDraft>(restored ?? NEW_DRAFT);
  /** The signed-in shopper's saved addresses, once read. */
  const [book, setBook] = useState<Book | null>(null);
  /** The shopper changed something here: saved addresses read later must not overwrite it. */
  const edited = useRef(false);
  const [errors, setErrors] = useState<CheckoutErrors>({});
  const [checked, setChecked] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [revision, setRevision] = useState(0);
  const [stage, setStage] = useState<'form' | 'placing' | 'placed'>('form');
  /** The line being set to what is in stock, while it is. */
  const [fixing, setFixing] = useState<string | null>(null);
  /** Said once every short line is fixed: the order can go now. */
  const [fixed, setFixed] = useState(false);
  const busy = useRef(false);
  const placeButton = useRef<HTMLButtonElement>(null);
  /**
   * This checkout attempt's Idempotency-Key, made on the first submit and sent again with every
   * re-submit from this page (double clicks, retries after a lost answer): the API places at
   * most one order for it.
   */
  const attemptKey = useRef<string | null>(null);

  const userId = user?.id;
  useEffect(() => {
    if (!userId) return;
    let live = true;
    listSavedAddresses().then(
      (addresses) => {
        if (!live) return;
        setBook({ userId, addresses });
        // The last used address, unless the shopper's own typing is here already.
        const last = addresses[0];
        if (last && !restored && !edited.current) setDraft((now) => withAddress(now, last));
      },
      () => {
        // Without the book the shopper types the address, as a guest does.
      },
    );
    return () => {
      live = false;
    };
  }, [userId, restored]);

  const addresses = book && book.userId === userId ? book.addresses : [];
  const valuesOf = (of: CheckoutDraft): CheckoutValues => ({
    email: of.email ?? user?.email ?? '',
    name: of.name ?? user?.name ?? '',
    line1: of.line1,
    city: of.city,
    region: of.region,
    postalCode: of.postalCode,
    country: of.country,
  });
  const values = valuesOf(draft);
  const chosen = addresses.find((address) => sameAddress(address, values)) ?? null;
  const regionName = regionLabel(values.country);
  /**
   * Whether the order keeps its address in the account's book: always when it is a saved one
   * (marked last used), a new one as the shopper says. Guests have no book.
   */
  const saveAddress = user ? chosen !== null || draft.saveAddress : false;

  /** Every change is kept in this tab's draft and, once the shopper tried to submit, checked. */
  const change = (next: CheckoutDraft) => {
    edited.current = true;
    setDraft(next);
    writeCheckoutDraft(next);
    if (checked) {
      const check = checkCheckout(valuesOf(next), next.saveAddress);
      setErrors(check.ok ? {} : check.errors);
    }
  };

  const onChange =
    (field: CheckoutField) => (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      change({ ...draft, [field]: event.target.value });
    };

  const fail = (nextErrors: CheckoutErrors, nextFailure: Failure | null) => {
    setErrors(nextErrors);
    setFailure(nextFailure);
    setRevision((n) => n + 1);
  };

  const onFailure = (error: unknown) => {
    if (!(error instanceof ShopApiError)) {
      fail({}, { title: 'Your order was not placed', message: describeFailure(error) });
      return;
    }
    switch (error.code) {
      case 'VALIDATION_FAILED': {
        const fieldErrors: CheckoutErrors = {};
        const other: string[] = [];
        for (const problem of fieldProblems(error)) {
          const field = checkoutFieldOf(problem.field);
          if (field) fieldErrors[field] ??= describeProblem(field, values);
          else other.push(problem.message || error.message);
        }
        fail(
          fieldErrors,
          other.length > 0 || Object.keys(fieldErrors).length === 0
            ? { title: 'Your order was not placed', message: other[0] ?? error.message }
            : null,
        );
        return;
      }
      case 'OUT_OF_STOCK':
        fail(
          {},
          {
            title: 'Some items are not in stock in the quantity you asked for',
            short: shortLines(error),
            toCart: true,
          },
        );
        void refreshCart();
        return;
      case 'CART_CHANGED':
        // Another tab or window of this shopper is placing this very cart right now.
        fail(
          {},
          {
            title: 'Your cart is being checked out in another window',
            message: 'Check My orders in a moment before placing it again.',
          },
        );
        void refreshCart();
        return;
      case 'CART_EMPTY':
        fail({}, { title: 'Your cart is empty', message: 'There is nothing to check out.' });
        void refreshCart();
        return;
      case 'IDEMPOTENCY_KEY_REUSED':
        // An earlier attempt from this page may have gone through with other details.
        attemptKey.current = null;
        fail(
          {},
          {
            title: 'This order may already have been placed',
            message:
              'An earlier try from this page went through with different details. Check your cart before placing the order again.',
            toCart: true,
          },
        );
        void refreshCart();
        return;
      default:
        fail(
          {},
          {
            title: 'Your order was not placed',
            message: error.transient
              ? 'We could not confirm your order. Press “Place order” again: the same order is never placed twice.'
              : describeFailure(error),
          },
        );
    }
  };

  /**
   * Sets a short line to what is in stock (0 removes it), right here: the typed fields stay,
   * and once no line is short the order can be placed again.
   */
  const fixLine = async (line: ShortLine, quantity: number, name: string) => {
    if (fixing) return;
    setFixing(line.productId);
    try {
      if (quantity > 0) await setLineQuantity(line.productId, quantity);
      else await removeLine(line.productId);
      // The cart is another one now: placing it is a new attempt.
      attemptKey.current = null;
      const rest = (failure?.short ?? []).filter((l) => l.productId !== line.productId);
      if (rest.length > 0 && failure) {
        setFailure({ ...failure, short: rest });
        announce(quantity > 0 ? `${name} set to ${quantity}.` : `Removed ${name}.`);
      } else {
        setFailure(null);
        setFixed(true);
        announce('Your cart is updated. You can place your order now.');
        placeButton.current?.focus();
      }
    } catch (error) {
      const now =
        error instanceof ShopApiError && error.code === 'OUT_OF_STOCK'
          ? shortLines(error)[0]
          : undefined;
      if (failure && now) {
        // Fewer left than a moment ago: offer what is there now.
        setFailure({
          ...failure,
          short: (failure.short ?? []).map((l) =>
            l.productId === line.productId ? { ...l, available: now.available } : l,
          ),
        });
      } else if (failure) {
        setFailure({ ...failure, message: describeFailure(error) });
      }
    } finally {
      setFixing(null);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    setChecked(true);
    const check = checkCheckout(values, saveAddress);
    if (!check.ok) {
      fail(check.errors, null);
      return;
    }
    busy.current = true;
    setStage('placing');
    setErrors({});
    setFailure(null);
    setFixed(false);
    attemptKey.current ??= newIdempotencyKey();
    try {
      const order = await placeOrder(check.body, attemptKey.current);
      clearCheckoutDraft();
      setStage('placed');
      announce(`Order ${order.number} placed. Thank you!`);
      router.push(`/orders/${order.id}?placed=1`);
    } catch (error) {
      setStage('form');
      onFailure(error);
    } finally {
      busy.current = false;
    }
  };

  if (stage === 'placed') {
    return (
      <p className={styles.note} role="status">
        Order placed. Opening your confirmation…
      </p>
    );
  }
  if (!cart) return null;
  if (cart.items.length === 0) {
    return (
      <div className={styles.empty}>
        <p>Your cart is empty, so there is nothing to check out yet.</p>
        <Link className="button" href="/">
          Continue shopping
        </Link>
      </div>
    );
  }

  const names = new Map(cart.items.map((line) => [line.productId, line.name]));
  const summaryItems: SummaryItem[] = CHECKOUT_FIELDS.flatMap((field) => {
    const message = errors[field];
    return message && (field !== 'region' || regionName)
      ? [{ fieldId: fieldId(field), message }]
      : [];
  });
  const placing = stage === 'placing';

  const field = (name: CheckoutField) => ({
    id: fieldId(name),
    name,
    label: name === 'region' ? (regionName ?? LABELS.region) : LABELS[name],
    value: values[name],
    onChange: onChange(name),
    error: errors[name],
    maxLength: CHECKOUT_MAX_LENGTH[name],
  });

  return (
    <div className={styles.layout}>
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={placing}>
        {summaryItems.length > 0 || failure ? (
          <ErrorSummary
            title={
              failure?.title ??
              (summaryItems.length === 1
                ? 'Please correct 1 field'
                : `Please correct ${summaryItems.length} fields`)
            }
            items={[...summaryItems, ...(failure?.message ? [{ message: failure.message }] : [])]}
            revision={revision}
          >
            {(failure?.short ?? []).map((line) => {
              const name = names.get(line.productId) ?? 'A product';
              return (
                <div key={line.productId} className={styles.shortLine}>
                  <p className={styles.shortName}>{name}</p>
                  <StockConflict
                    name={name}
                    inCart={line.requested}
                    available={line.available}
                    busy={fixing === line.productId}
                    onFix={(quantity) => void fixLine(line, quantity, name)}
                  />
                </div>
              );
            })}
            {failure?.toCart ? (
              <p>
                <Link href="/cart">Change your cart</Link>
              </p>
            ) : null}
          </ErrorSummary>
        ) : null}

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Contact</legend>
          <TextField
            {...field('email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            hint="We send the order confirmation here."
          />
          {user === null ? (
            <p className={styles.aside}>
              Have an account? <Link href={accountHref('/login', '/checkout')}>Sign in</Link> to
              keep this order with it.
            </p>
          ) : null}
        </fieldset>

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Shipping address</legend>
          {addresses.length > 0 ? (
            <SavedAddressChoice
              addresses={addresses}
              chosenId={chosen?.id ?? null}
              onChoose={(address) => change(withAddress(draft, address))}
              onChooseNew={() =>
                change({ ...draft, name: null, line1: '', city: '', region: '', postalCode: '' })
              }
            />
          ) : null}
          <SelectField {...field('country')} autoComplete="shipping country">
            <option value="">Choose a country</option>
            {SHIPPING_COUNTRIES.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </SelectField>
          <TextField {...field('name')} autoComplete="shipping name" />
          <TextField {...field('line1')} autoComplete="shipping address-line1" />
          <div className={regionName ? styles.trio : styles.pair}>
            <TextField {...field('city')} autoComplete="shipping address-level2" />
            {regionName ? (
              <TextField {...field('region')} autoComplete="shipping address-level1" />
            ) : null}
            <TextField
              {...field('postalCode')}
              autoComplete="shipping postal-code"
              spellCheck={false}
            />
          </div>
          {user && !chosen ? (
            <CheckboxField
              id="checkout-save-address"
              name="saveAddress"
              label="Save this address to my account"
              hint="Offered at your next checkout; remove it any time under My addresses."
              checked={draft.saveAddress}
              onChange={(event) => change({ ...draft, saveAddress: event.target.checked })}
            />
          ) : null}
        </fieldset>

        <div className={styles.submit}>
          <p className={styles.due}>
            <span>To pay</span>
            <span className={styles.dueAmount}>
              {formatPrice(cart.totalCents + SHIPPING_CENTS, cart.currency)}
            </span>
          </p>
          {fixed ? (
            <p className={styles.fixed} role="status">
              Your cart is updated. You can place your order now.
            </p>
          ) : null}
          <button
            ref={placeButton}
            type="submit"
            className={`button ${styles.place}`}
            disabled={placing}
            data-testid="place-order"
          >
            {placing ? 'Placing order…' : 'Place order'}
          </button>
          <p className={styles.small}>
            A demonstration store: nothing is charged and nothing ships.
          </p>
        </div>
      </form>

      <aside className={styles.summary} aria-labelledby="checkout-summary-title">
        <div className={styles.summaryHead}>
          <h2 id="checkout-summary-title" className={styles.summaryTitle}>
            Order summary
          </h2>
          <Link href="/cart">Edit cart</Link>
        </div>
        <OrderLines
          lines={cart.items.map((line) => ({
            productId: line.productId,
            name: line.name,
            slug: line.slug,
            quantity: line.quantity,
            priceCents: line.priceCents,
          }))}
          currency={cart.currency}
          totalCents={cart.totalCents + SHIPPING_CENTS}
        />
      </aside>
    </div>
  );
}
