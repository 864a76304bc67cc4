'use client';

import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { IntentLink } from './intent-link';
import styles from './category-nav.module.css';

/** A category link that marks itself current on that category's pages (any sort or page). */
export function CategoryNavLink({ slug, children }: { slug: string; children: ReactNode }) {
  const pathname = usePathname();
  const href = `/c/${slug}`;
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <IntentLink href={href} className={styles.link} aria-current={current ? 'page' : undefined}>
      {children}
    </IntentLink>
  );
}
