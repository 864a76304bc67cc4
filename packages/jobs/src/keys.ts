// Redis keys the worker writes and the API reads: hot lists and presence.

export const hotKeys = {
  all: 'shop:hot:all',
  category: (slug: string) => `shop:hot:cat:${slug}`,
  /** Hash: epochMs (the scores' time origin), halfLifeSeconds, foldedAt (ms). */
  meta: 'shop:hot:meta',
  /** Categories that have a list (a set of slugs), so every list can be found. */
  categories: 'shop:hot:categories',
  /** + `<kind>:<visitor>:<product>`: the visitor's event counted; a repeat within the window is not. */
  repeatPrefix: 'shop:hot:repeat:',
  /** + `<minute>`: hash of client address → events this minute (the per-address cap). */
  addressPrefix: 'shop:hot:address:',
  /**
   * Hash: event kind → events folded since the events Redis started, each added by the script
   * that acknowledged its stream entry, so an entry applied twice would show here twice (what
   * the chaos scenario kill-worker compares with the events the shop was sent).
   */
  folded: 'shop:hot:folded',
} as const;

export const presenceKeys = {
  /**
   * Sorted set: visitor → when last seen (ms), as the end of the 30-second slot it was seen in
   * (one write per visitor per slot).
   */
  visitors: 'shop:online',
  /** Sorted set per product: visitor → when last seen on the product's page (ms, as above). */
  product: (productId: string) => `shop:online:p:${productId}`,
} as const;

/** Whom "online" counts: visitors seen in the last 5 minutes. */
export const ONLINE_WINDOW_MS = 5 * 60_000;
/** Whom "looking at this now" counts: visitors on the product page in the last minute. */
export const VIEWING_WINDOW_MS = 60_000;
