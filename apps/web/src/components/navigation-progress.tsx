'use client';

import { ProgressProvider } from '@bprogress/next/app';
import { useProgress } from '@bprogress/react';
import { useCallback, useEffect, type ReactNode } from 'react';

/**
 * A thin bar across the top of the window while the next page is on its way, so a click never
 * feels dead: it starts when a link to another page of the shop is followed, when a filter or a
 * search is applied (their `useRouter` is `@bprogress/next/app`'s) or a sort chosen
 * (`useStartProgress`), and ends when that page shows.
 * Links that only change the search part of this page's URL (sort, filters, paging) show it too.
 */
export function NavigationProgress({ children }: { children: ReactNode }) {
  return (
    <ProgressProvider
      color="var(--color-accent)"
      height="3px"
      // Navigations quicker than this show nothing.
      delay={120}
      options={{ showSpinner: false }}
      // The provider's own link handling binds to each link only when the DOM next changes, so a
      // click on a page that has not changed since it loaded showed nothing; one listener on the
      // window sees every link, however and whenever it was rendered.
      disableAnchorClick
    >
      <StartOnFollowedLink />
      {children}
    </ProgressProvider>
  );
}

/** Starts the bar (after the provider's delay) for a navigation the shop's code begins itself. */
export function useStartProgress(): () => void {
  const { start, delay } = useProgress();
  return useCallback(() => start(0, delay), [start, delay]);
}

function StartOnFollowedLink() {
  const startProgress = useStartProgress();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (followsLinkToAnotherPage(event)) startProgress();
    };
    // Capture, so the check runs before a link's own handler takes the navigation over.
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [startProgress]);
  return null;
}

/**
 * Whether this click follows a link, in this tab, to another page of the shop. It runs before the
 * link's own handler (which, for a Next link, cancels the click to navigate in place), so a link
 * whose handler does not navigate at all carries data-prevent-progress="true".
 */
function followsLinkToAnotherPage(event: MouseEvent): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(link instanceof HTMLAnchorElement) || link.hasAttribute('download')) return false;
  // Links whose own handler does something else than navigate (open a dialog) say so.
  if (link.dataset.preventProgress === 'true') return false;
  if (link.target && link.target !== '_self') return false;
  const url = new URL(link.href);
  return (
    url.origin === location.origin &&
    (url.pathname !== location.pathname || url.search !== location.search)
  );
}
