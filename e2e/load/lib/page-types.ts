/** The storefront's page types, from a URL or path: what web vitals are grouped by. */
export type PageType =
  'home' | 'category' | 'product' | 'cart' | 'checkout' | 'order' | 'account' | 'other';

const patterns: [RegExp, PageType][] = [
  [/^\/$/, 'home'],
  [/^\/c\//, 'category'],
  [/^\/p\//, 'product'],
  [/^\/cart$/, 'cart'],
  [/^\/checkout$/, 'checkout'],
  [/^\/orders\/[^/]+$/, 'order'],
  [/^\/(orders|login|register)$/, 'account'],
];

export function pageType(urlOrPath: string): PageType {
  const path = new URL(urlOrPath, 'http://shop').pathname;
  return patterns.find(([pattern]) => pattern.test(path))?.[1] ?? 'other';
}
