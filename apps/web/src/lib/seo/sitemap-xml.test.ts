import { describe, expect, it } from 'vitest';
import { productSitemapCount, sitemapIndex, urlSet } from './sitemap-xml';

describe('sitemap files', () => {
  it('escapes what XML reserves in addresses', () => {
    const xml = urlSet([{ loc: 'https://shop.test/c/kitchen?page=2&x=<y>' }]);
    expect(xml).toContain('<loc>https://shop.test/c/kitchen?page=2&amp;x=&lt;y&gt;</loc>');
  });

  it('writes a urlset with lastmod only where known, and an index of sitemap files', () => {
    const xml = urlSet([
      { loc: 'https://shop.test/' },
      { loc: 'https://shop.test/p/oak-desk', lastmod: '2026-11-30T10:00:00.000Z' },
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<url><loc>https://shop.test/</loc></url>',
        '<url><loc>https://shop.test/p/oak-desk</loc><lastmod>2026-11-30T10:00:00.000Z</lastmod></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
    expect(sitemapIndex([{ loc: 'https://shop.test/sitemaps/pages.xml' }])).toContain(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<sitemap><loc>https://shop.test/sitemaps/pages.xml</loc></sitemap>',
    );
  });

  it('needs one product sitemap per 10,000 products, and one for an empty shop', () => {
    expect(productSitemapCount(0, 10_000)).toBe(1);
    expect(productSitemapCount(10_000, 10_000)).toBe(1);
    expect(productSitemapCount(10_001, 10_000)).toBe(2);
    expect(productSitemapCount(100_000, 10_000)).toBe(10);
  });
});
