import { expect, type Page, test } from '@playwright/test';
import { z } from 'zod';
import { env } from '../env';

// What search engines and link previews read of the shop: structured data (schema.org), Open
// Graph and Twitter tags, canonical links, the sitemaps, robots.txt and the web manifest.

const origin = new URL(env.BASE_URL).origin;
/** An absolute address on the shop's public origin. */
const shopUrl = z.url().refine((url) => url.startsWith(`${origin}/`), `not under ${origin}/`);
const schemaOrgUrl = (...names: string[]) => z.enum(names.map((n) => `https://schema.org/${n}`));

// schema.org types as Google reads them for product pages: the properties each must or should
// carry, with the values they expect.
const offer = z.object({
  '@type': z.literal('Offer'),
  price: z.string().regex(/^\d+\.\d{2}$/, 'a decimal string'),
  priceCurrency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217'),
  availability: schemaOrgUrl('InStock', 'OutOfStock'),
  url: shopUrl,
});
const product = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('Product'),
  name: z.string().min(1),
  description: z.string().min(1),
  image: z.array(shopUrl).min(1),
  url: shopUrl,
  offers: offer,
});
const breadcrumbList = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('BreadcrumbList'),
  itemListElement: z
    .array(
      z.object({
        '@type': z.literal('ListItem'),
        position: z.number().int(),
        name: z.string().min(1),
        item: shopUrl,
      }),
    )
    .min(2),
});

/** Every JSON-LD block of the page, parsed, by its @type. */
async function structuredData(page: Page): Promise<Map<string, unknown>> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const byType = new Map<string, unknown>();
  for (const block of blocks) {
    const data = z.object({ '@type': z.string() }).loose().parse(JSON.parse(block));
    expect(byType.has(data['@type']), `one ${data['@type']} block`).toBe(false);
    byType.set(data['@type'], data);
  }
  return byType;
}

const meta = (page: Page, key: string) =>
  page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
const metaContent = async (page: Page, key: string) => {
  await expect(meta(page, key), key).toHaveCount(1);
  return (await meta(page, key).getAttribute('content')) ?? '';
};
const canonicalOf = (page: Page) => page.locator('head link[rel="canonical"]').getAttribute('href');

/** What an image URL serves: its type and its size in pixels. */
async function imageAt(page: Page, url: string) {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  const size = await page.evaluate(async (src) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    return { width: image.naturalWidth, height: image.naturalHeight };
  }, url);
  return { type: response.headers()['content-type'], ...size };
}

/** A product of the department with at least one picture (seeded products all have some). */
async function productWithPicture(page: Page, category: string): Promise<string> {
  const listing = z
    .object({ items: z.array(z.object({ slug: z.string(), image: z.unknown() })) })
    .parse(
      await (await page.request.get(`/api/products?category=${category}&pageSize=100`)).json(),
    );
  const found = listing.items.find((item) => item.image !== null);
  if (!found) throw new Error(`no product with a picture in ${category}`);
  return found.slug;
}

test('a product page describes the product for search engines and link previews', async ({
  page,
}) => {
  const path = `/p/${await productWithPicture(page, 'kitchen')}`;
  // What a crawler gets: the page as the server sends it.
  await page.goto(path);
  const url = `${origin}${path}`;
  const seen = {
    name: (await page.getByTestId('product-name').innerText()).trim(),
    // Its text, not as drawn (the link is set in capitals).
    category: ((await page.getByTestId('product-category').textContent()) ?? '').trim(),
    description: (await page.getByTestId('product-description').innerText()).trim(),
    stock: (await page.getByTestId('product-stock').innerText()).trim(),
    price: (await page.getByTestId('product-price').innerText()).trim(),
  };
  expect(seen.price).toMatch(/^\$[\d,]+\.\d{2}$/);
  const visiblePrice = seen.price.replace(/[^0-9.]/g, '');
  const { name, description, category } = seen;

  const data = await structuredData(page);
  const described = product.parse(data.get('Product'));
  expect(described).toMatchObject({ name, description, url });
  expect(described.offers).toEqual(
    expect.objectContaining({
      price: visiblePrice,
      priceCurrency: 'USD',
      availability: `https://schema.org/${seen.stock === 'Out of stock' ? 'OutOfStock' : 'InStock'}`,
      url,
    }),
  );
  for (const image of described.image) expect((await imageAt(page, image)).type).toBe('image/jpeg');

  const trail = breadcrumbList.parse(data.get('BreadcrumbList')).itemListElement;
  expect(trail.map((step) => step.position)).toEqual([1, 2, 3]);
  expect(trail.map((step) => step.name)).toEqual(['Home', category, name]);
  const categoryHref = await page.getByTestId('product-category').getAttribute('href');
  expect(trail.map((step) => step.item)).toEqual([`${origin}/`, `${origin}${categoryHref}`, url]);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
  await expect(crumbs).toHaveText(['Home', category, name]);

  expect(await canonicalOf(page)).toBe(url);
  expect(await metaContent(page, 'og:url')).toBe(url);
  expect(await metaContent(page, 'og:type')).toBe('product');
  expect(await metaContent(page, 'og:title')).toBe(name);
  expect(await metaContent(page, 'og:description')).toBe(description);
  expect(await metaContent(page, 'product:price:amount')).toBe(visiblePrice);
  expect(await metaContent(page, 'product:price:currency')).toBe('USD');

  // The product's first picture, as a JPEG of the size the tags say, with its alt text.
  const ogImage = await metaContent(page, 'og:image');
  expect(ogImage).toBe(described.image[0]);
  const served = await imageAt(page, ogImage);
  expect(served.type).toBe('image/jpeg');
  expect(Number(await metaContent(page, 'og:image:width'))).toBe(served.width);
  expect(Number(await metaContent(page, 'og:image:height'))).toBe(served.height);
  const alt = await page.locator('main picture img').first().getAttribute('alt');
  expect(await metaContent(page, 'og:image:alt')).toBe(alt);

  expect(await metaContent(page, 'twitter:card')).toBe('summary_large_image');
  expect(await metaContent(page, 'twitter:title')).toBe(name);
  expect(await metaContent(page, 'twitter:image')).toBe(ogImage);
});

test('listings and the front page name their canonical address', async ({ page }) => {
  // A sorted page of a listing is the same products as the unsorted one: that is canonical.
  await page.goto('/c/kitchen?sort=price_desc&page=2&utm_source=mail');
  expect(await canonicalOf(page)).toBe(`${origin}/c/kitchen?page=2`);
  await page.goto('/c/kitchen?sort=price_asc');
  expect(await canonicalOf(page)).toBe(`${origin}/c/kitchen`);
  const trail = breadcrumbList.parse((await structuredData(page)).get('BreadcrumbList'));
  expect(trail.itemListElement).toEqual([
    { '@type': 'ListItem', position: 1, name: 'Home', item: `${origin}/` },
    { '@type': 'ListItem', position: 2, name: 'Kitchen & Dining', item: `${origin}/c/kitchen` },
  ]);

  await page.goto('/?ref=home');
  // Next writes the front page's address without its slash: the same address.
  expect(new URL((await canonicalOf(page)) ?? '').href).toBe(`${origin}/`);
  // Search results are not for search engines.
  await page.goto('/search?q=lamp');
  await expect(page.locator('head link[rel="canonical"]')).toHaveCount(0);
  expect(await metaContent(page, 'robots')).toContain('noindex');
});

interface SitemapFile {
  root: string;
  namespace: string | null;
  entries: { loc: string; lastmod: string | null }[];
}

/** Reads one sitemap file as an XML parser does (a malformed file fails here). */
async function readSitemap(page: Page, path: string): Promise<SitemapFile> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toMatch(/^application\/xml/);
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
    const root = doc.documentElement;
    return {
      root: root.localName,
      namespace: root.namespaceURI,
      entries: Array.from(root.children, (child) => ({
        loc: child.getElementsByTagName('loc')[0]?.textContent ?? '',
        lastmod: child.getElementsByTagName('lastmod')[0]?.textContent ?? null,
      })),
    };
  }, xml);
}

const SITEMAPS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const categoryList = z.array(z.object({ slug: z.string(), productCount: z.number() }));

/** Every product address the sitemaps list, found from the index as a crawler does. */
async function listedProducts(page: Page): Promise<{ pages: string[]; products: string[] }> {
  const index = await readSitemap(page, '/sitemap.xml');
  expect(index).toMatchObject({ root: 'sitemapindex', namespace: SITEMAPS });
  const files = index.entries.map((entry) => shopUrl.parse(entry.loc));
  const pages: string[] = [];
  const products: string[] = [];
  for (const file of files) {
    const sitemap = await readSitemap(page, file);
    expect(sitemap).toMatchObject({ root: 'urlset', namespace: SITEMAPS });
    expect(sitemap.entries.length, file).toBeLessThanOrEqual(10_000);
    for (const { loc, lastmod } of sitemap.entries) {
      if (new URL(loc).pathname.startsWith('/p/')) {
        expect(Number.isNaN(Date.parse(lastmod ?? '')), `${loc} lastmod ${lastmod}`).toBe(false);
        products.push(shopUrl.parse(loc));
      } else {
        pages.push(shopUrl.parse(loc));
      }
    }
  }
  return { pages, products };
}

test('the sitemaps list the front page, every department and every product once', async ({
  page,
}) => {
  // A product added in the last minute may not be listed yet (the sitemaps are kept a minute).
  test.setTimeout(150_000);
  const newest = z
    .object({ items: z.array(z.object({ slug: z.string() })).min(1) })
    .parse(await (await page.request.get('/api/products?sort=newest&pageSize=1')).json());
  const newestUrl = `${origin}/p/${newest.items[0]?.slug}`;

  await expect
    .poll(
      async () => {
        const categories = categoryList.parse(
          await (await page.request.get('/api/categories')).json(),
        );
        const inCatalog = categories.reduce((sum, c) => sum + c.productCount, 0);
        const { pages, products } = await listedProducts(page);
        expect(pages.toSorted()).toEqual(
          [`${origin}/`, ...categories.map((c) => `${origin}/c/${c.slug}`)].toSorted(),
        );
        expect(new Set(products).size, 'each product once').toBe(products.length);
        const newestListed = products.includes(newestUrl);
        return products.length === inCatalog && newestListed
          ? 'every product listed'
          : `${products.length} listed of ${inCatalog}, the newest ${newestListed ? '' : 'not '}listed`;
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBe('every product listed');
});

test('robots.txt lets crawlers read the catalog, not shoppers’ pages, and names the sitemap', async ({
  page,
}) => {
  const response = await page.request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const lines = (await response.text()).split('\n').map((line) => line.trim());
  expect(lines).toContain(`Sitemap: ${origin}/sitemap.xml`);
  expect(lines).toContain('User-Agent: *');
  const disallowed = lines.filter((l) => l.startsWith('Disallow:')).map((l) => l.slice(9).trim());
  for (const path of ['/cart', '/checkout', '/orders', '/admin', '/ops', '/login', '/register']) {
    expect(disallowed).toContain(path);
  }
  expect(disallowed).toEqual(expect.arrayContaining(['/search', '/api/']));
  // Nothing of the catalog is shut out (robots.txt rules are path prefixes).
  for (const path of ['/', '/c/kitchen', '/p/any-product', '/img/x/640.jpeg', '/sitemap.xml']) {
    expect(
      disallowed.filter((rule) => path.startsWith(rule)),
      path,
    ).toEqual([]);
  }
  expect((await page.request.get('/sitemap.xml')).status()).toBe(200);
});

test('the web manifest and the icons it and the pages name are served', async ({ page }) => {
  await page.goto('/');
  const manifestHref = await page.locator('head link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBe('/manifest.webmanifest');
  const response = await page.request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = z
    .object({
      name: z.string().min(1),
      short_name: z.string().min(1).max(12),
      start_url: z.literal('/'),
      display: z.enum(['standalone', 'minimal-ui', 'fullscreen', 'browser']),
      background_color: z.string().regex(/^#[0-9a-f]{6}$/),
      theme_color: z.string().regex(/^#[0-9a-f]{6}$/),
      icons: z.array(z.object({ src: z.string(), type: z.string() })).min(1),
    })
    .parse(await response.json());
  expect(manifest.theme_color).toBe(
    await page.locator('head meta[name="theme-color"]').getAttribute('content'),
  );

  const pageIcons = await page
    .locator('head link[rel="icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  const icons = [...manifest.icons.map((icon) => icon.src), ...pageIcons, '/favicon.ico'];
  for (const icon of icons) {
    const served = await page.request.get(icon);
    expect(served.status(), icon).toBe(200);
    expect(served.headers()['content-type'], icon).toMatch(/^image\/(svg\+xml|x-icon)/);
  }
  expect(pageIcons.some((href) => href.startsWith('/favicon.ico'))).toBe(true);
});
