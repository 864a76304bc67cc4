'use client';

import './globals.css';
import styles from '@/components/status-page.module.css';

/** Last resort when even the shop's frame (header, navigation) failed to render. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className={`container ${styles.wrap}`}>
          <title>Something went wrong · Shopscale</title>
          <p className={styles.code} aria-hidden="true">
            Oops
          </p>
          <h1 className={styles.title}>Shopscale is having a moment</h1>
          <p className={styles.text}>
            We couldn’t load the shop just now. Please try again shortly.
          </p>
          <div className={styles.actions}>
            <button type="button" className="button" onClick={() => retry()}>
              Try again
            </button>
            {/* A full page load on purpose: the app's own navigation is what failed. */}
            <a className="button button-secondary" href="/">
              Back to the home page
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
