import { createDb } from '@shop/db';
import {
  category,
  product,
  productPage,
  type Category,
  type ErrorBody,
  type Product,
  type ProductPage,
} from '@shop/domain';
import { hotKeys } from '@shop/jobs';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listProducts } from '../src/catalog/list-products';
import { readShopCube } from '../src/catalog/product-facets';
import { env } from './env';
import { api } from './stack';

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await api(path);
  expect(response.status, `${path} → ${response.status}`).toBe(status);
  return (await response.json()) as T;
}

/**
 * The answer at `path`, checked against the contract: valid, and with nothing the schema does not
 * name (parsing drops unknown keys, so the parsed answer equals the sent one only without them).
 * The API does not parse what it caches again on every fill; this is where its shape is held.
 */
async function inContract(path: string, schema: z.ZodType): Promise<void> {
  const body = await json<unknown>(path);
  expect(schema.parse(body), path).toEqual(body);
}

describe('catalog through the edge', () => {
  it('answers every kind of catalog read in the contract’s shape', async () => {
    await inContract('/api/categories', z.array(category));
    const [first] = await json<Category[]>('/api/categories');
    if (!first) throw new Error('no category');
    const listings = [
      '/api/products?pageSize=24',
      `/api/products?category=${first.slug}&sort=price_desc&page=2&pageSize=12`,
      `/api/products?category=${first.slug}&price=0-25&inStock=1`,
      '/api/products?sort=popular&pageSize=24',
      '/api/products?page=999&pageSize=24',
    ];
    for (const path of listings) await inContract(path, productPage);
    const { items } = await json<ProductPage>('/api/products?pageSize=1');
    const [summary] = items;
    if (!summary) throw new Error('empty catalog');
    const word = summary.name.split(' ').at(-1) ?? '';
    // A search that matches, one whose typo is corrected (searchedInstead), one that finds nothing.
    for (const q of [summary.name, `${word.slice(0, -1)}q`, 'qqqzzz']) {
      await inContract(`/api/products?q=${encodeURIComponent(q)}&pageSize=24`, productPage);
    }
    await inContract(`/api/products/${summary.slug}`, product);
  });

  it('lists the seeded categories with product counts', async () => {
    const categories = await json<Category[]>('/api/categories');
    expect(categories).toHaveLength(12);
    expect(categories.reduce((sum, c) => sum + c.productCount, 0)).toBeGreaterThanOrEqual(1_000);
  });

  it('pages through products newest first', async () => {
    const first = await json<ProductPage>('/api/products?pageSize=24');
    expect(first.items).toHaveLength(24);
    expect(first.total).toBeGreaterThanOrEqual(1_000);
    const second = await json<ProductPage>('/api/products?pageSize=24&page=2');
    const ids = new Set([...first.items, ...second.items].map((p) => p.id));
    expect(ids.size).toBe(48);
  });

  it('finds deep pages (ids first) in the same order as shallow ones', async () => {
    // Page 3 of 24 skips 48 rows (their ids stepped over in the index); page 1 of 100 none.
    const [category] = await json<Category[]>('/api/categories');
    if (!category) throw new Error('no category');
    for (const filter of ['', `category=${category.slug}&`]) {
      for (const sort of ['newest', 'price_asc', 'price_desc']) {
        const listing = `/api/products?${filter}sort=${sort}`;
        const deep = await json<ProductPage>(`${listing}&pageSize=24&page=3`);
        const shallow = await json<ProductPage>(`${listing}&pageSize=100&page=1`);
        expect(deep.items.length).toBeGreaterThan(0);
        expect(deep.items.map((p) => p.id)).toEqual(shallow.items.slice(48, 72).map((p) => p.id));
      }
    }
  });

  it('filters by category and sorts by price both ways', async () => {
    const [category] = await json<Category[]>('/api/categories');
    if (!category) throw new Error('no category');
    const asc = await json<ProductPage>(
      `/api/products?category=${category.slug}&sort=price_asc&pageSize=50`,
    );
    expect(asc.total).toBe(category.productCount);
    const prices = asc.items.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const desc = await json<ProductPage>(
      `/api/products?category=${category.slug}&sort=price_desc&pageSize=5`,
    );
    expect(desc.items[0]?.priceCents).toBeGreaterThanOrEqual(asc.items.at(-1)?.priceCents ?? 0);
  });

  it('returns a product by slug with its category', async () => {
    const page = await json<ProductPage>('/api/products?pageSize=1');
    const summary = page.items[0];
    if (!summary) throw new Error('empty catalog');
    const product = await json<Product>(`/api/products/${summary.slug}`);
    expect(product).toMatchObject({
      id: summary.id,
      name: summary.name,
      priceCents: summary.priceCents,
    });
    expect(product.category.slug).toMatch(/^[a-z-]+$/);
    expect(product.stock).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['/api/products?page=-1', 400, 'page'],
    ['/api/products?page=abc', 400, 'page'],
    ['/api/products?pageSize=10000', 400, 'pageSize'],
    ['/api/products?pageSize=0', 400, 'pageSize'],
    ['/api/products?sort=bogus', 400, 'sort'],
    ['/api/products?category=Not%20A%20Slug', 400, 'category'],
    ['/api/products?category=no-such-category', 404, 'category'],
    ['/api/products/no-such-product', 404, 'slug'],
    ['/api/products/NOT_A_SLUG', 400, 'slug'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const body = await json<ErrorBody>(path, status);
    expect(body.error.code).toMatch(/^[A-Z_]+$/);
    expect(JSON.stringify(body.error)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers unknown API routes with the error shape', async () => {
    const body = await json<ErrorBody>('/api/nope', 404);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('serves its OpenAPI document with the catalog paths', async () => {
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/categories',
        '/api/products',
        '/api/products/{slug}',
        '/api/readyz',
      ]),
    );
  });
});

describe('listing by popularity (the SQL of a cache miss, on the stack’s replica)', () => {
  const db = createDb({
    primaryUrl: env.DATABASE_URL,
    replicaUrl: env.DATABASE_REPLICA_URL,
    applicationName: 'shop-catalog-test',
  });
  // A hot list of the test's own, under a prefix the workers never fold into.
  const redis = new Redis(env.REDIS_URL, { keyPrefix: `test:popular:${Date.now()}:` });
  afterAll(async () => {
    await redis.del(hotKeys.all);
    redis.disconnect();
    await db.close();
  });

  it('puts the hot list first, in its order, then the rest newest first, each product once', async () => {
    const cube = await readShopCube(db.sql.replica);
    const read = (page: number, pageSize: number, sort: 'popular' | 'newest' = 'popular') =>
      listProducts({ sql: db.sql.replica, redis }, { sort, page, pageSize, inStock: false }, cube);
    const newest = await read(1, 100, 'newest');
    const ids = newest.items.map((p) => p.id);
    // Ranked: five products from the middle of the newest-first order, plus one that is gone.
    const ranked = [ids[40], ids[7], ids[63], ids[12], ids[99]].map(String);
    const gone = '00000000-0000-7000-8000-000000000000';
    const listed = [ranked[0], ranked[1], gone, ranked[2], ranked[3], ranked[4]].map(String);
    await redis.zadd(hotKeys.all, ...listed.flatMap((id, i) => [60 - 10 * i, id]));

    const pages = await Promise.all([1, 2, 3, 4].map((page) => read(page, 25)));
    const popular = pages.flatMap((page) => page.items.map((p) => p.id));
    const rest = ids.filter((id) => !ranked.includes(id));
    // The gone product takes a rank but no place on the page.
    expect(popular.slice(0, 5)).toEqual(ranked);
    expect(popular.slice(5, 5 + 90)).toEqual(rest.slice(0, 90));
    expect(new Set(popular).size).toBe(popular.length);
    expect(pages[0]?.total).toBe(newest.total);
    // Cards carry their first picture, with its original's size.
    const product = await api(`/api/products/${newest.items[0]?.slug ?? ''}`);
    const detail = (await product.json()) as Product;
    expect(newest.items[0]?.image).toEqual(detail.images[0] ?? null);
  });
});
