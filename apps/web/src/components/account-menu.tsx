'use client';

import type { User } from '@shop/domain';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { signOut } from '@/lib/shopper/account';
import { describeFailure } from '@/lib/shopper/call-api';
import { accountHref } from '@/lib/shopper/return-path';
import { announce } from '@/lib/shopper/shopper-store';
import { IntentLink } from './intent-link';
import styles from './shopper-nav.module.css';

/** Pages that only make sense for a signed-in shopper: signing out leaves them for home. */
const PRIVATE_PREFIXES = ['/orders', '/checkout', '/account'];

function PersonIcon() {
  return (
    <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8.5" r="3.75" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M4.5 20c1.2-3.6 4-5.5 7.5-5.5s6.3 1.9 7.5 5.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

/**
 * Follows an account link with the page's full address (its query too) as the way back. The
 * address is read when the link is used: while a client-side navigation renders, the browser's
 * location still shows the page being left. A modified click (new tab) keeps the plain href.
 */
function goWithReturn(
  event: MouseEvent<HTMLAnchorElement>,
  page: '/login' | '/register',
  push: (href: string) => void,
) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  push(accountHref(page, `${window.location.pathname}${window.location.search}`));
}

interface Props {
  /** undefined while the API has not said yet. */
  user: User | null | undefined;
  /** Changes on every client-side navigation, so the sign-in links follow the page. */
  pathname: string;
}

/**
 * "Sign in · Register" for guests; the shopper's name opening "My orders", "My addresses" (and, for admins,
 * "Catalog admin" and "Operations") and "Sign out".
 */
export function AccountMenu({ user, pathname }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (user === undefined) {
    // Not known yet: hold the space so the header does not jump when the answer comes.
    return <span className={styles.pending} aria-hidden="true" />;
  }

  if (user === null) {
    return (
      <div className={styles.account}>
        <IntentLink
          href={accountHref('/login', pathname)}
          onClick={(event) => goWithReturn(event, '/login', (href) => router.push(href))}
          className={styles.textLink}
          aria-current={pathname === '/login' ? 'page' : undefined}
        >
          Sign in
        </IntentLink>
        <IntentLink
          href={accountHref('/register', pathname)}
          onClick={(event) => goWithReturn(event, '/register', (href) => router.push(href))}
          className={styles.register}
          aria-current={pathname === '/register' ? 'page' : undefined}
        >
          Register
        </IntentLink>
      </div>
    );
  }

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  const onSignOut = async () => {
    if (signingOut) return;
    setSigningOut(true);
    try {
      await signOut();
      setOpen(false);
      announce('You are signed out.');
      if (PRIVATE_PREFIXES.some((prefix) => pathname.startsWith(prefix))) router.push('/');
    } catch (error) {
      announce(`Could not sign out. ${describeFailure(error)}`);
    } finally {
      setSigningOut(false);
    }
  };

  const firstName = user.name.trim().split(/\s+/)[0] || user.name;

  return (
    <div className={styles.menuWrap} ref={wrapRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.menuButton}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        data-testid="account-menu"
      >
        <PersonIcon />
        <span className={styles.name}>
          <span className="visually-hidden">Account: </span>
          {firstName}
        </span>
        <svg className={styles.chevron} viewBox="0 0 12 8" aria-hidden="true" focusable="false">
          <path
            d="M1 1.5l5 5 5-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <div id={menuId} className={styles.menu} hidden={!open}>
        <p className={styles.who}>
          Signed in as <strong>{user.name}</strong>
          <span className={styles.email}>{user.email}</span>
        </p>
        <ul className={styles.menuList} role="list">
          <li>
            <IntentLink href="/orders" className={styles.menuItem} onClick={() => setOpen(false)}>
              My orders
            </IntentLink>
          </li>
          <li>
            <IntentLink
              href="/account/addresses"
              className={styles.menuItem}
              onClick={() => setOpen(false)}
            >
              My addresses
            </IntentLink>
          </li>
          {user.role === 'admin' ? (
            <>
              <li>
                <IntentLink
                  href="/admin/products"
                  className={styles.menuItem}
                  onClick={() => setOpen(false)}
                >
                  Catalog admin
                </IntentLink>
              </li>
              <li>
                <IntentLink href="/ops" className={styles.menuItem} onClick={() => setOpen(false)}>
                  Operations
                </IntentLink>
              </li>
            </>
          ) : null}
          <li>
            <button
              type="button"
              className={styles.menuItem}
              onClick={onSignOut}
              aria-disabled={signingOut}
            >
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
