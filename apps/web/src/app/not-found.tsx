import type { Metadata } from 'next';
import Link from 'next/link';
import styles from './status-page.module.css';

export const metadata: Metadata = {
  title: 'Page not found',
};

/** Unknown addresses, and unknown category or product slugs (notFound()), land here with a 404. */
export default function NotFound() {
  return (
    <div className={`container ${styles.wrap}`}>
      <p className={styles.code} aria-hidden="true">
        404
      </p>
      <h1 className={styles.title}>We couldn’t find that page</h1>
      <p className={styles.text}>
        The product or category may have moved or sold out for good, or the address has a typo.
        Everything else is still here.
      </p>
      <div className={styles.actions}>
        <Link className="button" href="/">
          Back to the home page
        </Link>
        <Link className="button button-secondary" href="/#new-arrivals">
          Continue shopping
        </Link>
      </div>
    </div>
  );
}
