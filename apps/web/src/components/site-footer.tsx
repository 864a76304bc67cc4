import { Logo } from './logo';
import { IntentLink } from './intent-link';
import styles from './site-footer.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <div className={styles.brand}>
          <IntentLink href="/" className={styles.home} aria-label="Shopscale home">
            <Logo />
          </IntentLink>
          <p className={styles.about}>
            Shopscale is a reference shop: every classic step in scaling a web site is a real,
            running and measured part of it.
          </p>
        </div>
        <nav aria-label="Footer" className={styles.links}>
          <ul role="list">
            <li>
              <IntentLink href="/">Home</IntentLink>
            </li>
            <li>
              <IntentLink href="/#new-arrivals">New arrivals</IntentLink>
            </li>
            <li>
              <IntentLink href="/#departments">All departments</IntentLink>
            </li>
          </ul>
        </nav>
      </div>
      <div className={`container ${styles.legal}`}>
        <p>A demonstration store: browse as you like, nothing here ships.</p>
      </div>
    </footer>
  );
}
