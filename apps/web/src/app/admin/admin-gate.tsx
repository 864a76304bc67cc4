'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { accountHref } from '@/lib/shopper/return-path';
import { useShopper } from '@/lib/shopper/shopper-store';
import styles from './admin.module.css';

/**
 * The admin pages' door: a guest is sent to sign in (and comes back here), a customer is told
 * the page is for admins. The API checks the role on every call whatever the page shows.
 */
export function AdminGate({
  children,
  what = 'The catalog can be changed by admin accounts only.',
}: {
  children: ReactNode;
  /** What only admins may do here, told to a customer. */
  what?: string;
}) {
  const { user } = useShopper();
  const router = useRouter();
  const path = usePathname();

  useEffect(() => {
    if (user === null) router.replace(accountHref('/login', path));
  }, [user, router, path]);

  if (user === undefined || user === null) {
    return (
      <p className={styles.note} aria-busy="true">
        Loading…
      </p>
    );
  }
  if (user.role !== 'admin') {
    return (
      <div className={styles.notice} data-testid="admin-forbidden">
        <h1 className={styles.title}>Admins only</h1>
        <p>
          You are signed in as {user.email}, a customer account. {what}
        </p>
      </div>
    );
  }
  return <>{children}</>;
}
