'use client';

import type { SavedAddress } from '@shop/domain';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { LoadFailure } from '@/components/load-failure';
import { listSavedAddresses, removeSavedAddress } from '@/lib/shopper/address-book';
import { describeFailure, ShopApiError } from '@/lib/shopper/call-api';
import { formatAddress } from '@/lib/shopper/format-address';
import { formatOrderDate } from '@/lib/shopper/order-status';
import { accountHref } from '@/lib/shopper/return-path';
import { announce, useShopper } from '@/lib/shopper/shopper-store';
import { useAccountRead } from '@/lib/shopper/use-account-read';
import page from '@/app/orders/orders.module.css';
import styles from './addresses.module.css';

/** One account's addresses; keyed by the user, so signing in as someone else starts afresh. */
function AccountAddresses({ onRemoved }: { onRemoved: () => void }) {
  const { value: addresses, error, retry, update } = useAccountRead(listSavedAddresses);
  const [removing, setRemoving] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<{ id: string; message: string } | null>(null);

  const remove = async (address: SavedAddress) => {
    if (removing) return;
    setRemoving(address.id);
    setRemoveError(null);
    try {
      await removeSavedAddress(address.id);
      announce(`Removed the address of ${address.name}, ${address.line1}.`);
    } catch (failure) {
      // Already gone (removed in another tab): the list just catches up.
      if (!(failure instanceof ShopApiError && failure.code === 'ADDRESS_NOT_FOUND')) {
        setRemoveError({ id: address.id, message: describeFailure(failure) });
        return;
      }
    } finally {
      setRemoving(null);
    }
    update((now) => now.filter((a) => a.id !== address.id));
    // The pressed button is gone with its address: give focus a place to stay.
    onRemoved();
  };

  if (error) {
    return (
      <LoadFailure what="your addresses" message={error} onRetry={retry} className={page.empty} />
    );
  }
  if (!addresses) {
    return (
      <p className={page.note} aria-busy="true">
        Loading your addresses…
      </p>
    );
  }
  if (addresses.length === 0) {
    return (
      <div className={page.empty} data-testid="addresses-empty">
        <p className={page.emptyTitle}>No saved addresses</p>
        <p>
          When you place an order, its shipping address is kept here and offered at your next
          checkout.
        </p>
        <Link className="button" href="/">
          Start shopping
        </Link>
      </div>
    );
  }
  return (
    <ul className={`${page.list} ${styles.cards}`} role="list">
      {addresses.map((address) => {
        const [name, ...rest] = formatAddress(address);
        const busy = removing === address.id;
        return (
          <li key={address.id} className={styles.card} data-testid="address-card" aria-busy={busy}>
            <address className={styles.address}>
              <strong className={styles.name}>{name}</strong>
              {rest.map((line, n) => (
                <span key={n}>{line}</span>
              ))}
            </address>
            <p className={styles.used}>Last used {formatOrderDate(address.lastUsedAt)}</p>
            <button
              type="button"
              className={`button button-secondary ${styles.remove}`}
              onClick={() => void remove(address)}
              aria-disabled={busy}
            >
              {busy ? 'Removing…' : 'Remove'}
              <span className="visually-hidden">
                {' '}
                the address of {address.name}, {address.line1}
              </span>
            </button>
            {removeError?.id === address.id ? (
              <p className={styles.error} role="alert">
                {removeError.message}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "My addresses": the address book for a signed-in shopper, a way to sign in for a guest. */
export function AddressBook() {
  const { user } = useShopper();
  const headingRef = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <h1 className={page.title} ref={headingRef} tabIndex={-1}>
        My addresses
      </h1>
      {user === undefined ? (
        <p className={page.note} aria-busy="true">
          Loading…
        </p>
      ) : user === null ? (
        <div className={page.empty} data-testid="addresses-sign-in">
          <p className={page.emptyTitle}>Sign in to see your addresses</p>
          <p>The addresses your orders went to are kept with your account.</p>
          <div className={page.actions}>
            <Link className="button" href={accountHref('/login', '/account/addresses')}>
              Sign in
            </Link>
            <Link
              className="button button-secondary"
              href={accountHref('/register', '/account/addresses')}
            >
              Create an account
            </Link>
          </div>
        </div>
      ) : (
        <>
          <p className={page.lede}>Signed in as {user.email}</p>
          <AccountAddresses key={user.id} onRemoved={() => headingRef.current?.focus()} />
        </>
      )}
    </>
  );
}
