import { createDb } from '@shop/db';
import {
  priceBands,
  type AdminProduct,
  type Category,
  type ErrorBody,
  type PriceBand,
  type ProductPage,
} from '@shop/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeQuery, readShopCube } from '../src/catalog/product-facets';
import { env } from './env';
import { Shopper } from './shopper';
import { api, waitUntil } from './stack';

// Filters and facet counts of GET /api/products, checked against what the database holds (read
// from the primary, with SQL of the test's own), through the edge as a shopper reads them.

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
const db = createDb({
  primaryUrl: env.DATABASE_URL,
  replicaUrl: env.DATABASE_REPLICA_URL,
  applicationName: 'shop-facets-test',
});

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await api(path);
  expect(response.status, `${path} → ${response.status}`).toBe(status);
  return (await response.json()) as T;
}

const bandOf = (band: PriceBand) => {
  const found = priceBands.find((candidate) => candidate.band === band);
  if (!found) throw new Error(`no band ${band}`);
  return found;
};

/** How many products the database holds within a department, price band and stock. */
async function counted(where: { category?: string; band?: PriceBand; inStock?: boolean }) {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (where.category) {
    values.push(where.category);
    conditions.push(`category_id = (SELECT id FROM categories WHERE slug = $${values.length})`);
  }
  if (where.band) {
    const { minCents, maxCents } = bandOf(where.band);
    values.push(minCents);
    conditions.push(`price_cents >= $${values.length}`);
    if (maxCents !== null) {
      values.push(maxCents);
      conditions.push(`price_cents < $${values.length}`);
    }
  }
  if (where.inStock) conditions.push('stock > 0');
  const { rows } = await db.sql.primary.query<{ n: number }>({
    text: `SELECT count(*)::int AS n FROM products ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`,
    values,
  });
  return rows[0]?.n ?? 0;
}

let categories: Category[];
let category: Category;

beforeAll(async () => {
  categories = await json<Category[]>('/api/categories');
  const first = categories[0];
  if (!first) throw new Error('no categories');
  category = first;
});

afterAll(async () => {
  await db.close();
});

describe('filtered listings', () => {
  it('narrow a category to a price band and what is in stock, counting as the database does', async () => {
    const band: PriceBand = '25-50';
    const { minCents, maxCents } = bandOf(band);
    const seen: string[] = [];
    let listing: ProductPage | undefined;
    for (let page = 1; page === 1 || (listing && seen.length < listing.total); page++) {
      listing = await json<ProductPage>(
        `/api/products?category=${category.slug}&price=${band}&inStock=1&sort=price_asc&pageSize=100&page=${page}`,
      );
      if (listing.items.length === 0) break;
      for (const item of listing.items) {
        expect(item.priceCents).toBeGreaterThanOrEqual(minCents);
        expect(item.priceCents).toBeLessThan(maxCents ?? Infinity);
        expect(item.inStock).toBe(true);
      }
      seen.push(...listing.items.map((item) => item.id));
    }
    const expected = await counted({ category: category.slug, band, inStock: true });
    expect(expected).toBeGreaterThan(0);
    expect(listing?.total).toBe(expected);
    expect(new Set(seen).size).toBe(expected);
  });

  it('count each facet with the other filters applied and its own left out', async () => {
    const band: PriceBand = '50-100';
    const answer = await json<ProductPage>(
      `/api/products?category=${category.slug}&price=${band}&inStock=1&pageSize=1`,
    );
    const facets = answer.facets;
    if (!facets) throw new Error('no facets');
    // Price bands: this department, in stock, any band.
    expect(facets.priceBands.map((facet) => facet.band)).toEqual(priceBands.map((b) => b.band));
    for (const facet of facets.priceBands) {
      expect(facet.count, facet.band).toBe(
        await counted({ category: category.slug, band: facet.band, inStock: true }),
      );
    }
    // In stock: this department and band.
    expect(facets.inStock).toBe(await counted({ category: category.slug, band, inStock: true }));
    // Departments: this band, in stock, every department with a match, in shop order.
    const withMatches = [];
    for (const c of categories) {
      const n = await counted({ category: c.slug, band, inStock: true });
      if (n > 0) withMatches.push({ slug: c.slug, name: c.name, count: n });
    }
    expect(facets.categories).toEqual(withMatches);
    // What all the filters let through is the chosen band's count.
    expect(answer.total).toBe(facets.priceBands.find((facet) => facet.band === band)?.count);
  });

  it('keep every sort and page within the filter', async () => {
    for (const sort of ['newest', 'price_desc', 'popular']) {
      const page = await json<ProductPage>(
        `/api/products?price=250-up&sort=${sort}&pageSize=50&page=2`,
      );
      expect(page.total).toBe(await counted({ band: '250-up' }));
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) expect(item.priceCents, sort).toBeGreaterThanOrEqual(25_000);
    }
  });

  it.each([
    ['price=10-20', 'price'],
    ['price=', 'price'],
    ['inStock=yes', 'inStock'],
    ['q=lamp&price=cheap', 'price'],
  ])('refuse %s with a 400 naming %s', async (query, field) => {
    const body = await json<ErrorBody>(`/api/products?${query}`, 400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(body.error)).toContain(field);
  });

  it('say 404 for an unknown category, filtered or not', async () => {
    const body = await json<ErrorBody>('/api/products?category=no-such-thing&inStock=1', 404);
    expect(body.error.code).toBe('CATEGORY_NOT_FOUND');
  });
});

describe('the facet cells the triggers keep', () => {
  it('match a count over the products after products are added, repriced, sold out, moved and removed', async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const cubes = async () => ({
      kept: await readShopCube(client),
      counted: (await client.query(cubeQuery('products p'))).rows,
    });
    try {
      await client.query('BEGIN');
      const before = await cubes();
      expect(before.kept).toEqual(before.counted);
      const [first, second] = categories;
      if (!first || !second) throw new Error('two categories needed');
      // Changes of every kind, each in a statement of its own, none of it kept (rolled back).
      const ids = (
        await client.query<{ id: string }>(
          `INSERT INTO products (id, slug, name, description, price_cents, stock, category_id, updated_at)
           SELECT gen_random_uuid(), 'facet-test-' || n, 'Facet test ' || n, 'For the facet test.',
                  n * 2499, n % 3, (SELECT id FROM categories WHERE slug = $1), now()
           FROM generate_series(1, 12) AS n
           RETURNING id`,
          [first.slug],
        )
      ).rows.map((row) => row.id);
      const statements: [string, unknown[]][] = [
        [
          'UPDATE products SET price_cents = price_cents + 5000 WHERE id = ANY($1)',
          [ids.slice(0, 6)],
        ],
        ['UPDATE products SET stock = 0 WHERE id = ANY($1)', [ids.slice(3, 9)]],
        ['UPDATE products SET stock = stock + 1 WHERE id = ANY($1)', [ids]],
        [
          'UPDATE products SET category_id = (SELECT id FROM categories WHERE slug = $2) WHERE id = ANY($1)',
          [ids.slice(6), second.slug],
        ],
        ['DELETE FROM products WHERE id = ANY($1)', [ids.slice(0, 4)]],
      ];
      for (const [text, values] of statements) {
        await client.query(text, values);
        const now = await cubes();
        expect(now.kept, text).toEqual(now.counted);
      }
      expect((await cubes()).kept).not.toEqual(before.kept);
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  });
});

describe('filtered search results', () => {
  it('count departments, bands and stock over the words’ matches, and narrow to them', async () => {
    // A word in many products: pick one from a product's name.
    const word = (await json<ProductPage>('/api/products?pageSize=1')).items[0]?.name
      .toLowerCase()
      .match(/[a-z]{4,}/)?.[0];
    if (!word) throw new Error('no word to search for');
    const results = await json<ProductPage>(`/api/products?q=${word}&pageSize=100`);
    const facets = results.facets;
    if (!facets) throw new Error('no facets');
    const inDepartments = facets.categories.reduce((sum, c) => sum + c.count, 0);
    const inBands = facets.priceBands.reduce((sum, b) => sum + b.count, 0);
    expect(inDepartments).toBe(results.total);
    expect(inBands).toBe(results.total);

    const [department] = facets.categories;
    if (!department) throw new Error('no department matched');
    const narrowed = await json<ProductPage>(
      `/api/products?q=${word}&category=${department.slug}&inStock=1&pageSize=100`,
    );
    expect(narrowed.total).toBe(narrowed.facets?.inStock);
    expect(narrowed.total).toBeLessThanOrEqual(department.count);
    // Its departments facet leaves the department out: it is the in-stock one of the words.
    const inStockMatches = await json<ProductPage>(`/api/products?q=${word}&inStock=1&pageSize=1`);
    expect(narrowed.facets?.categories).toEqual(inStockMatches.facets?.categories);
    for (const item of narrowed.items) expect(item.inStock).toBe(true);
  });
});

describe('filtered listings after a price change', () => {
  const admin = new Shopper();
  let product: AdminProduct | undefined;
  let original: number | undefined;

  const setPrice = async (priceCents: number) => {
    if (!product) throw new Error('no product');
    const path = `/api/admin/products/${product.id}`;
    const { body } = await admin.get<{ product: AdminProduct }>(path);
    expect(
      (await admin.call('PATCH', path, { version: body.product.version, priceCents })).status,
    ).toBe(200);
  };

  beforeAll(async () => {
    expect((await admin.post('/api/auth/login', ADMIN)).status).toBe(200);
    const cheap = await json<ProductPage>(
      `/api/products?category=${category.slug}&price=0-25&pageSize=1`,
    );
    const summary = cheap.items[0];
    if (!summary) throw new Error('nothing under $25');
    product = (await admin.get<{ product: AdminProduct }>(`/api/admin/products/${summary.id}`)).body
      .product;
    original = summary.priceCents;
  });

  afterAll(async () => {
    if (original !== undefined) await setPrice(original);
  });

  it('moves the product to its new band and its counts at once', async () => {
    const listing = (band: PriceBand) =>
      json<ProductPage>(`/api/products?category=${category.slug}&price=${band}&pageSize=100`);
    const before = await listing('250-up');
    const cheapBefore = await listing('0-25');
    await setPrice(30_000);
    // Within the catalog's staleness bound (ARCHITECTURE.md: the replica's lag plus 0.3 s).
    await waitUntil(
      async () => (await listing('250-up')).items.some((item) => item.id === product?.id),
      2_000,
      50,
    );
    const after = await listing('250-up');
    expect(after.total).toBe(before.total + 1);
    expect(after.facets?.priceBands.find((b) => b.band === '0-25')?.count).toBe(
      cheapBefore.total - 1,
    );
    const cheapAfter = await listing('0-25');
    expect(cheapAfter.items.some((item) => item.id === product?.id)).toBe(false);
  });
});
