import { IntentLink } from './intent-link';
import styles from './pagination.module.css';

interface Props {
  page: number;
  pageCount: number;
  /** The address of page `n`, keeping the listing's other choices (its sort). */
  hrefFor: (page: number) => string;
}

/**
 * The pages to offer: the first, the last and the neighbours of the current one, with a gap for
 * each run left out (a gap never hides a single page: that page is shown instead).
 */
function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const shown = (n: number) => n === 1 || n === pageCount || Math.abs(n - page) <= 1;
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= pageCount; n++) {
    if (shown(n) || (shown(n - 1) && shown(n + 1))) pages.push(n);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}

export function Pagination({ page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className={styles.nav}>
      {page > 1 ? (
        <IntentLink href={hrefFor(page - 1)} className={styles.step} rel="prev">
          <span aria-hidden="true">←</span> Previous
        </IntentLink>
      ) : (
        <span className={`${styles.step} ${styles.disabled}`} aria-hidden="true">
          ← Previous
        </span>
      )}
      <ol className={styles.pages}>
        {pageWindow(page, pageCount).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <IntentLink
                href={hrefFor(n)}
                className={styles.page}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Page ${n}`}
              >
                {n}
              </IntentLink>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <IntentLink href={hrefFor(page + 1)} className={styles.step} rel="next">
          Next <span aria-hidden="true">→</span>
        </IntentLink>
      ) : (
        <span className={`${styles.step} ${styles.disabled}`} aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
