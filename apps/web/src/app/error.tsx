'use client';

import Link from 'next/link';
import styles from './status-page.module.css';

interface Props {
  error: unknown;
  /** Re-fetches and re-renders the failed segment. */
  retry: () => void;
}

/** Shown when a page could not be built, usually because the API did not answer in time. */
export default function ErrorPage({ error, retry }: Props) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : null;
  return (
    <div className={`container ${styles.wrap}`}>
      <title>Something went wrong · Shopscale</title>
      <p className={styles.code} aria-hidden="true">
        Oops
      </p>
      <h1 className={styles.title}>Something went wrong on our side</h1>
      <p className={styles.text}>
        We couldn’t load this page just now. It’s usually brief — please try again in a moment.
      </p>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
        <Link className="button button-secondary" href="/">
          Back to the home page
        </Link>
      </div>
      {digest ? <p className={styles.reference}>Reference: {digest}</p> : null}
    </div>
  );
}
