'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import styles from './form.module.css';

export interface SummaryItem {
  /** The id of the field to jump to, when the problem belongs to one. */
  fieldId?: string;
  message: string;
}

interface Props {
  title: string;
  items: SummaryItem[];
  /** Bumped on every failed submit: the summary takes focus, so it is read out and seen. */
  revision: number;
  children?: ReactNode;
}

function jumpTo(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.closest('div')?.scrollIntoView({ block: 'center' });
}

/**
 * The list of what stops a form from going through, at its top. It is an alert (announced when
 * it appears) and takes focus after a failed submit; each problem links to its field.
 */
export function ErrorSummary({ title, items, revision, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (revision > 0) ref.current?.focus();
  }, [revision]);

  return (
    <div
      ref={ref}
      className={styles.summary}
      role="alert"
      tabIndex={-1}
      data-testid="error-summary"
    >
      <h2 className={styles.summaryTitle}>{title}</h2>
      {items.length > 0 ? (
        <ul className={styles.summaryList}>
          {items.map((item) => (
            <li key={`${item.fieldId ?? ''}:${item.message}`}>
              {item.fieldId ? (
                <a href={`#${item.fieldId}`} onClick={(event) => jumpTo(event, item.fieldId ?? '')}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
