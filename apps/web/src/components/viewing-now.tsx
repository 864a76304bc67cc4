'use client';

import { useEffect, useState } from 'react';
import { getViewingCount } from '@/lib/shopper/get-viewing-count';
import styles from './viewing-now.module.css';

/** How often the count is read again while the page is visible. */
const REFRESH_MS = 30_000;
/** The viewer is one of them: it takes two for "people" to be worth saying. */
const SHOW_FROM = 2;

/**
 * "N people are looking at this now" on a product page: read in the browser, the same for every
 * shopper, refreshed every 30 s while the tab is visible. The live region is always there (so a
 * change is read out politely); the words appear only from two viewers on.
 */
export function ViewingNow({ slug }: { slug: string }) {
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let readAt = 0;
    const read = async () => {
      readAt = Date.now();
      const viewing = await getViewingCount(slug);
      if (current) setCount(viewing);
    };
    const schedule = () => {
      clearTimeout(timer);
      if (!current || document.visibilityState !== 'visible') return;
      const due = readAt + REFRESH_MS - Date.now();
      timer = setTimeout(() => void read().finally(schedule), Math.max(0, due));
    };
    document.addEventListener('visibilitychange', schedule);
    schedule();
    return () => {
      current = false;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', schedule);
    };
  }, [slug]);

  return (
    <p className={styles.region} role="status" aria-live="polite" data-testid="viewing-now">
      {count !== null && count >= SHOW_FROM ? (
        <span className={styles.note}>
          <span className={styles.dot} aria-hidden="true" />
          {count.toLocaleString('en-US')} people are looking at this now
        </span>
      ) : null}
    </p>
  );
}
