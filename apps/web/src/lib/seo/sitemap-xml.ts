// Sitemaps (sitemaps.org protocol 0.9): a sitemap index at /sitemap.xml naming the shop's
// sitemap files, each a <urlset> of at most 50,000 absolute addresses.

import { escapeMarkup } from '@shop/domain';

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapEntry {
  /** An absolute address. */
  loc: string;
  /** When the page last changed, ISO 8601. */
  lastmod?: string;
}

function document(
  root: 'urlset' | 'sitemapindex',
  child: 'url' | 'sitemap',
  entries: SitemapEntry[],
) {
  const lines = entries.map(({ loc, lastmod }) => {
    const modified = lastmod ? `<lastmod>${escapeMarkup(lastmod)}</lastmod>` : '';
    return `<${child}><loc>${escapeMarkup(loc)}</loc>${modified}</${child}>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="${NAMESPACE}">`,
    ...lines,
    `</${root}>`,
    '',
  ].join('\n');
}

/** A sitemap file: the pages it lists. */
export function urlSet(entries: SitemapEntry[]): string {
  return document('urlset', 'url', entries);
}

/** The sitemap index: the sitemap files. */
export function sitemapIndex(entries: SitemapEntry[]): string {
  return document('sitemapindex', 'sitemap', entries);
}

/** How many product sitemaps the shop has: at least one, even when it sells nothing yet. */
export function productSitemapCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The public address of product sitemap n (1-based). */
export function productSitemapPath(n: number): string {
  return `/sitemaps/products/${n}.xml`;
}

export const PAGES_SITEMAP_PATH = '/sitemaps/pages.xml';

/** Sitemaps change when the catalog does; crawlers read them a few times a day at most. */
const SITEMAP_CACHE = 'public, max-age=60';

/** An XML answer the edge and crawlers may keep for a minute. */
export function xmlResponse(body: string): Response {
  return new Response(body, {
    headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': SITEMAP_CACHE },
  });
}
