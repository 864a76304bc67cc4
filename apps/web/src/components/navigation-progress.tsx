'use client';

import { ProgressProvider } from '@bprogress/next/app';
import type { ReactNode } from 'react';

/**
 * A thin bar across the top of the window while the next page is on its way, so a click never
 * feels dead: it starts when a link to another page of the shop is followed and ends when that
 * page shows. Navigations quicker than `delay` show nothing; links that only change the search
 * part of this page's URL (sort, filters, paging) show it too.
 */
export function NavigationProgress({ children }: { children: ReactNode }) {
  return (
    <ProgressProvider
      color="var(--color-accent)"
      height="3px"
      delay={120}
      options={{ showSpinner: false }}
    >
      {children}
    </ProgressProvider>
  );
}
