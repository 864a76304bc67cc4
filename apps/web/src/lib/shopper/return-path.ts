// Where sign-in and registration send the shopper afterwards: back to the page they came from,
// carried as ?next=<path>. Only paths on this site are accepted, so a crafted link cannot send
// a shopper who just signed in to another site.

const ACCOUNT_PAGES = ['/login', '/register'];

/** The path to return to, or '/' when `value` is missing, foreign or an account page. */
export function safeReturnPath(value: string | string[] | null | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return '/';
  if (path.length > 500 || [...path].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  const pathname = path.split(/[?#]/)[0] ?? '/';
  return ACCOUNT_PAGES.includes(pathname) ? '/' : path;
}

/** A link to an account page that comes back to `returnTo` afterwards. */
export function accountHref(page: '/login' | '/register', returnTo: string): string {
  const next = safeReturnPath(returnTo);
  return next === '/' ? page : `${page}?next=${encodeURIComponent(next)}`;
}
