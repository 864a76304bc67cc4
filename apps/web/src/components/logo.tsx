import styles from './logo.module.css';

/** The Shopscale wordmark: a bag whose stripes grow like a bar chart, and the name. */
export function Logo() {
  return (
    <span className={styles.logo}>
      <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect x="2" y="8" width="28" height="22" rx="6" fill="currentColor" />
        <path
          d="M11 11V8a5 5 0 0 1 10 0v3"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
        <rect x="9" y="20" width="3.2" height="6" rx="1.2" fill="#fff" />
        <rect x="14.4" y="17" width="3.2" height="9" rx="1.2" fill="#fff" />
        <rect x="19.8" y="14" width="3.2" height="12" rx="1.2" fill="#fff" />
      </svg>
      <span className={styles.word}>Shopscale</span>
    </span>
  );
}
