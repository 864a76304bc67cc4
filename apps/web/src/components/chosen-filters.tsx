import Link from 'next/link';
import styles from './chosen-filters.module.css';
import listingStyles from './listing.module.css';

export interface ChosenFilter {
  /** What the filter shows, e.g. "$25 – $50". */
  label: string;
  /** The listing without this filter. */
  href: string;
}

/** The filters in effect, each removable, and one link to drop them all. */
export function ChosenFilters({
  chosen,
  clearHref,
}: {
  chosen: ChosenFilter[];
  clearHref: string;
}) {
  if (chosen.length === 0) return null;
  return (
    <nav aria-label="Chosen filters" className={styles.bar}>
      <ul className={styles.list}>
        {chosen.map((filter) => (
          <li key={filter.href}>
            <Link href={filter.href} className={styles.chip} scroll={false}>
              <span aria-hidden="true">×</span> {filter.label}
              <span className="visually-hidden"> (remove this filter)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={clearHref} className={styles.clear} scroll={false}>
        Clear filters
      </Link>
    </nav>
  );
}

/** What a listing shows instead of its grid when its filters let nothing through. */
export function NoneMatch({ clearHref }: { clearHref: string }) {
  return (
    <div className={listingStyles.empty}>
      <p>No products match your filters.</p>
      <Link className="button" href={clearHref} scroll={false}>
        Clear filters
      </Link>
    </div>
  );
}
