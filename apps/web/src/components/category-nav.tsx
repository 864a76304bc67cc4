import { isBuildPhase } from '@/env';
import { getCategories } from '@/lib/data/get-categories';
import { logError } from '@/lib/log-error';
import { CategoryNavLink } from './category-nav-link';
import styles from './category-nav.module.css';

/**
 * The header's category links. A failing category list must not take the whole page down, so
 * the nav is left out and the page's own content decides whether to show the error page.
 * While `next build` prerenders the static 404 page there is no API: it gets no nav either.
 */
export async function CategoryNav() {
  let categories: Awaited<ReturnType<typeof getCategories>> = [];
  if (!isBuildPhase) {
    try {
      categories = await getCategories();
    } catch (error) {
      logError('category navigation unavailable', error);
    }
  }
  if (categories.length === 0) return null;
  return (
    <nav aria-label="Categories" className={styles.nav}>
      <ul className={styles.list} role="list">
        {categories.map((category) => (
          <li key={category.slug}>
            <CategoryNavLink slug={category.slug}>{category.name}</CategoryNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
