'use client';

import Form from 'next/form';
import { useStartProgress } from './navigation-progress';
import styles from './sort-form.module.css';

interface Props<Sort extends string> {
  action: string;
  sort: Sort;
  /** Each sort offered, with its label, in the order shown. */
  labels: Record<Sort, string>;
  /** What else the listing's address keeps when the sort changes (a search's words). */
  keep?: Record<string, string>;
}

/**
 * Choosing a sort is a plain GET form to the listing's address, so it works without JavaScript
 * (an Apply button shows then); with it, a choice applies at once and next/form navigates
 * client-side. It starts again at page 1 on purpose.
 */
export function SortForm<Sort extends string>({ action, sort, labels, keep = {} }: Props<Sort>) {
  const startProgress = useStartProgress();
  return (
    <Form action={action} className={styles.form} onSubmit={startProgress}>
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="sort" className={styles.label}>
        Sort by
      </label>
      <select
        // A new sort renders a new page: the select shows it, not the choice it was mounted with.
        key={sort}
        id="sort"
        name="sort"
        defaultValue={sort}
        className={styles.select}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {(Object.keys(labels) as Sort[]).map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className={styles.button}>
          Apply
        </button>
      </noscript>
    </Form>
  );
}
