import Link from 'next/link';
import { Logo } from './logo';
import styles from './site-footer.module.css';

export function SiteFooter() {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.inner}`}>
        <div className={styles.brand}>
          <Link href="/" className={styles.home} aria-label="Shopscale home">
            <Logo />
          </Link>
          <p className={styles.about}>
            Shopscale is a reference shop: every classic step in scaling a web site is a real,
            running and measured part of it.
          </p>
        </div>
        <nav aria-label="Footer" className={styles.links}>
          <ul role="list">
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href="/#new-arrivals">New arrivals</Link>
            </li>
            <li>
              <Link href="/#departments">All departments</Link>
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
