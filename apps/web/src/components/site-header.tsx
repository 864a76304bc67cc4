import { CategoryNav } from './category-nav';
import { Logo } from './logo';
import { SearchBox } from './search-box';
import { ShopperNav } from './shopper-nav';
import { IntentLink } from './intent-link';
import styles from './site-header.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <div className={styles.brand}>
          <IntentLink href="/" className={styles.home} aria-label="Shopscale home">
            <Logo />
          </IntentLink>
          <p className={styles.tagline}>Everyday goods, well made</p>
        </div>
        <SearchBox />
        <ShopperNav />
      </div>
      <CategoryNav />
    </header>
  );
}
