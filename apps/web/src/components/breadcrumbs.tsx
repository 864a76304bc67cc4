import { IntentLink } from './intent-link';
import styles from './breadcrumbs.module.css';

export interface Crumb {
  label: string;
  /** Where the crumb leads. The last crumb is the current page: drawn as text, not a link. */
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className={styles.nav}>
      <ol className={styles.list}>
        {items.map((item, index) => (
          <li key={item.label} className={styles.item}>
            {item.href && index < items.length - 1 ? (
              <IntentLink href={item.href}>{item.label}</IntentLink>
            ) : (
              <span aria-current={index === items.length - 1 ? 'page' : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
