import type { ReactNode } from 'react';
import styles from './status-page.module.css';

interface Props {
  /** Big and decorative ("404", "Oops"): hidden from screen readers, the title says it. */
  code: string;
  title: string;
  children: ReactNode;
  /** The buttons and links that lead on. */
  actions: ReactNode;
  /** Below the actions, small (an error's reference). */
  footnote?: ReactNode;
}

/** A page that says why the shopper is not where they wanted to be, and where to go next. */
export function StatusPage({ code, title, children, actions, footnote }: Props) {
  return (
    <div className={`container ${styles.wrap}`}>
      <p className={styles.code} aria-hidden="true">
        {code}
      </p>
      <h1 className={styles.title}>{title}</h1>
      <p className={styles.text}>{children}</p>
      <div className={styles.actions}>{actions}</div>
      {footnote ? <p className={styles.reference}>{footnote}</p> : null}
    </div>
  );
}
