import { productSorts, type ProductSort } from '@shop/domain';
import Form from 'next/form';
import { sortLabels } from '@/lib/category-url';
import styles from './sort-form.module.css';

/**
 * Choosing a sort is a plain GET form to the category's address, so it works without
 * JavaScript; with it, next/form navigates client-side. It starts again at page 1 on purpose.
 */
export function SortForm({ action, sort }: { action: string; sort: ProductSort }) {
  return (
    <Form action={action} className={styles.form}>
      <label htmlFor="sort" className={styles.label}>
        Sort by
      </label>
      <select id="sort" name="sort" defaultValue={sort} className={styles.select}>
        {productSorts.map((value) => (
          <option key={value} value={value}>
            {sortLabels[value]}
          </option>
        ))}
      </select>
      <button type="submit" className={styles.button}>
        Apply
      </button>
    </Form>
  );
}
