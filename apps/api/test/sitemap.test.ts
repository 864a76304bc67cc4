import { randomUUID } from 'node:crypto';
import type { AdminProduct, Category, ErrorBody, SitemapProductPage } from '@shop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { ADMIN, type Shopper, signedIn } from './shopper';
import { api, superuser, waitUntil } from './stack';

// GET /api/sitemap/products through the edge: every product's slug and last change, 10,000 a
// page in id order, for the storefront's sitemaps.

const SITEMAP = '/api/sitemap/products';

async function json<T>(path: string): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await api(path);
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

const inCatalog = async () =>
  (await json<Category[]>('/api/categories')).body.reduce((sum, c) => sum + c.productCount, 0);

const db = superuser(env.PG_PRIMARY_PORT);
let admin: Shopper;

beforeAll(async () => {
  await db.connect();
  admin = await signedIn(ADMIN);
});
afterAll(async () => {
  await db.end();
});

describe('sitemap products', () => {
  it('lists every product once, in id order, with when it last changed', async () => {
    const { status, body, headers } = await json<SitemapProductPage>(SITEMAP);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=600');
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(10_000);
    expect(body.total).toBe(await inCatalog());
    expect(body.items).toHaveLength(Math.min(body.total, 10_000));

    const { rows } = await db.query<{ slug: string; updated_at: Date }>(
      'SELECT slug, updated_at FROM products ORDER BY id LIMIT 10000',
    );
    expect(body.items).toEqual(
      rows.map((row) => ({ slug: row.slug, updatedAt: row.updated_at.toISOString() })),
    );
  });

  it('answers a page past the last with no products and the same total', async () => {
    const first = await json<SitemapProductPage>(SITEMAP);
    const past = Math.ceil(first.body.total / 10_000) + 1;
    const { status, body } = await json<SitemapProductPage>(`${SITEMAP}?page=${past}`);
    expect(status).toBe(200);
    expect(body).toEqual({ items: [], page: past, pageSize: 10_000, total: first.body.total });
  });

  it('lists a new product on the last page, and its edit as a later change', async () => {
    const created = await admin.post<{ product: AdminProduct }>('/api/admin/products', {
      name: `Test Sitemap Lantern ${randomUUID().slice(0, 6)}`,
      description: 'Listed for search engines.',
      priceCents: 2_500,
      stock: 0,
      categorySlug: 'home-decor',
      images: [],
    });
    expect(created.status).toBe(201);
    const { id, slug, version } = created.body.product;

    const entryOf = async () => {
      const { body } = await json<SitemapProductPage>(SITEMAP);
      const last = Math.ceil(body.total / 10_000);
      const page =
        last === 1 ? body : (await json<SitemapProductPage>(`${SITEMAP}?page=${last}`)).body;
      return { total: body.total, last: page.items.at(-1) };
    };
    // The replica replays the write within milliseconds.
    await waitUntil(async () => (await entryOf()).last?.slug === slug, 5_000, 50);
    const listed = await entryOf();
    expect(listed.total).toBe(await inCatalog());

    const edited = await admin.call('PATCH', `/api/admin/products/${id}`, {
      version,
      priceCents: 2_600,
    });
    expect(edited.status).toBe(200);
    await waitUntil(
      async () => (await entryOf()).last?.updatedAt !== listed.last?.updatedAt,
      5_000,
      50,
    );
    const changed = await entryOf();
    expect(changed.last?.slug).toBe(slug);
    expect(Date.parse(changed.last?.updatedAt ?? '')).toBeGreaterThan(
      Date.parse(listed.last?.updatedAt ?? ''),
    );
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['10001']])(
    'refuses page=%s with a 400 naming the page',
    async (page) => {
      const { status, body, headers } = await json<ErrorBody>(`${SITEMAP}?page=${page}`);
      expect(status).toBe(400);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.details).toEqual({ fields: [expect.objectContaining({ field: 'page' })] });
    },
  );
});
