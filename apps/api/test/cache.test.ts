import type { AdminProduct, Product, ProductPage } from '@shop/domain';
import { createDb, ReplicaMonitor } from '@shop/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogCache, type Readers } from '../src/cache/catalog-cache';
import { findProduct } from '../src/catalog/find-product';
import { env, replicaUrl } from './env';
import { Shopper } from './shopper';
import { supervise, waitUntil } from './stack';

// The catalog's cache tier on the running test stack: two API replicas, each with its cache in
// process (L1), the cache Redis (L2), Postgres behind. A price change reaches both replicas within
// a second; a storm of misses reads Postgres once; a stalled Redis costs speed, never correctness.

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
const REPLICAS = [1, 2];
const quiet = { warn: () => undefined };

let admin: Shopper;
let product: Product;
let originalPrice: number;

/** A catalog read straight from replica n (not through the edge), as an anonymous shopper. */
async function readProduct(n: number, slug = product.slug) {
  const response = await fetch(`${replicaUrl(n)}/api/products/${slug}`);
  return {
    status: response.status,
    level: response.headers.get('x-cache'),
    product: (await response.json()) as Product,
  };
}

async function setPrice(priceCents: number): Promise<void> {
  const path = `/api/admin/products/${product.id}`;
  const { body } = await admin.get<{ product: AdminProduct }>(path);
  const reply = await admin.call('PATCH', path, { version: body.product.version, priceCents });
  expect(reply.status).toBe(200);
}

/** Milliseconds until replica n serves `priceCents`, polling every 10 ms. */
async function untilServed(n: number, priceCents: number, since: number): Promise<number> {
  const seen = await waitUntil(
    async () => (await readProduct(n)).product.priceCents === priceCents,
    5_000,
  );
  return seen - since;
}

async function cacheMetric(n: number, level: string): Promise<number> {
  const text = await (await fetch(`${replicaUrl(n)}/metrics`)).text();
  return text
    .split('\n')
    .filter(
      (line) => line.startsWith('shop_cache_reads_total{') && line.includes(`level="${level}"`),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

beforeAll(async () => {
  admin = new Shopper();
  expect((await admin.post('/api/auth/login', ADMIN)).status).toBe(200);
  const page = await admin.get<ProductPage>('/api/products?category=electronics&pageSize=5');
  const summary = page.body.items[4];
  if (!summary) throw new Error('the test catalog has too few electronics');
  product = (await readProduct(1, summary.slug)).product;
  originalPrice = product.priceCents;
});

afterAll(async () => {
  await supervise('signal', 'CONT', 'redis-cache').catch(() => undefined);
  await supervise('start', 'redis-cache').catch(() => undefined);
  if (admin && product) await setPrice(originalPrice);
  // The caches are told about a change twice, the second time once the replica replayed it:
  // let that pass before other tests look at the storefront's cached pages.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
});

describe('the catalog cache tier', () => {
  it('answers from L1, then L2, saying which in X-Cache', async () => {
    const levels = new Set<string | null>();
    for (let i = 0; i < 4; i++) levels.add((await readProduct(1)).level);
    expect(levels.has('L1')).toBe(true);
    const level = (await readProduct(2)).level;
    expect(['L1', 'L2']).toContain(level);
  });

  it('serves a price change on both API replicas within 1 s, and the admin at once', async () => {
    for (const n of REPLICAS) for (let i = 0; i < 3; i++) await readProduct(n);
    const newPrice = originalPrice + 101;
    await setPrice(newPrice);
    const since = Date.now();

    const own = await admin.get<Product>(`/api/products/${product.slug}`);
    expect(own.body.priceCents).toBe(newPrice);
    // From Postgres (the primary while the replica has not replayed the change) or Redis.
    expect(['BYPASS', 'MISS', 'L2']).toContain(own.headers.get('x-cache'));

    const delays = await Promise.all(REPLICAS.map((n) => untilServed(n, newPrice, since)));
    for (const delay of delays) expect(delay).toBeLessThan(1_000);
    // And it stays: no level brings the old price back.
    for (let i = 0; i < 10; i++) {
      for (const n of REPLICAS) expect((await readProduct(n)).product.priceCents).toBe(newPrice);
    }
  });

  /** Cache tiers like the replicas', on the stack's own Redis and Postgres; closed after `use`. */
  async function withTiers(
    use: (tier: (options?: { enabled?: boolean }) => CatalogCache) => Promise<void>,
  ): Promise<void> {
    const db = createDb({
      primaryUrl: env.DATABASE_URL,
      replicaUrl: env.DATABASE_REPLICA_URL,
      applicationName: 'shop-cache-test',
    });
    const replica = new ReplicaMonitor(db).start();
    const connections: Redis[] = [];
    const tiers: CatalogCache[] = [];
    const tier = (options: { enabled?: boolean } = {}) => {
      const redis = new Redis(env.CACHE_REDIS_URL, { enableOfflineQueue: false });
      const subscriber = new Redis(env.CACHE_REDIS_URL);
      connections.push(redis, subscriber);
      const made = new CatalogCache({
        redis,
        subscriber,
        db,
        replica,
        l1: { max: 100, ttlMs: 10_000 },
        ttlSeconds: 60,
        log: quiet,
        ...options,
      });
      tiers.push(made);
      return made;
    };
    try {
      await use(tier);
    } finally {
      for (const t of tiers) t.close();
      for (const connection of connections) connection.disconnect();
      replica.stop();
      await db.close();
    }
  }
  const anonymous = { get: () => undefined };

  it('reads Postgres once for 100 concurrent misses of one key, across two processes', async () => {
    await withTiers(async (tier) => {
      const [one, two] = [tier(), tier()];
      await waitUntil(async () => one.usable() && two.usable(), 5_000);
      // Cold: a new generation for the product, as after a change.
      await one.invalidate({ products: [product.slug], categories: [] }, '0/0');
      let loads = 0;
      const load = async ({ sql }: Readers) => {
        loads++;
        return findProduct(sql, product.slug);
      };
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 === 0 ? one : two).read({ kind: 'product', slug: product.slug }, load, anonymous),
        ),
      );
      expect(loads).toBe(1);
      expect(new Set(answers.map((a) => a.value?.priceCents)).size).toBe(1);
      expect(answers.filter((a) => a.level === 'MISS')).toHaveLength(1);
    });
  });

  it('switched off (CATALOG_CACHE=off), reads Postgres for every request and stores nothing', async () => {
    await withTiers(async (tier) => {
      const off = tier({ enabled: false });
      let loads = 0;
      const load = async ({ sql }: Readers) => {
        loads++;
        return findProduct(sql, product.slug);
      };
      const entry = { kind: 'product', slug: product.slug } as const;
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await off.read(entry, load, anonymous));
      expect(loads).toBe(3);
      expect(answers.map((a) => a.level)).toEqual(['BYPASS', 'BYPASS', 'BYPASS']);
      expect(answers[0]?.value?.priceCents).toBeGreaterThan(0);
    });
  });

  it('fills a cold key once for concurrent requests to both replicas', async () => {
    // 32 at once (each replica runs 8 and queues the rest), all cold.
    await setPrice(originalPrice + 202);
    await waitUntil(
      async () => (await readProduct(1)).product.priceCents === originalPrice + 202,
      2_000,
    );
    await setPrice(originalPrice + 303);
    const before = (await Promise.all(REPLICAS.map((n) => cacheMetric(n, 'MISS')))).reduce(
      (a, b) => a + b,
    );
    const answers = await Promise.all(
      Array.from({ length: 32 }, (_, i) => readProduct(1 + (i % 2))),
    );
    const after = (await Promise.all(REPLICAS.map((n) => cacheMetric(n, 'MISS')))).reduce(
      (a, b) => a + b,
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.every((a) => a.product.priceCents === originalPrice + 303)).toBe(true);
    expect(after - before, JSON.stringify(answers.map((a) => a.level))).toBe(1);
  });

  it('forgets everything in every process when an admin flushes it; customers may not', async () => {
    for (const n of REPLICAS) for (let i = 0; i < 2; i++) await readProduct(n);
    const customer = new Shopper();
    const signIn = { email: 'demo@shopscale.test', password: 'demo-shopper-2026' };
    expect((await customer.post('/api/auth/login', signIn)).status).toBe(200);
    expect((await customer.post('/api/admin/cache/flush')).status).toBe(403);
    expect((await new Shopper().post('/api/admin/cache/flush')).status).toBe(401);

    const flushed = await admin.post<{ flushed: boolean; epoch: number }>('/api/admin/cache/flush');
    expect(flushed.status).toBe(200);
    expect(flushed.body.flushed).toBe(true);
    // Each replica's next read is no longer from its own L1: one fills, the other finds it.
    const levels = [];
    for (const n of REPLICAS) levels.push((await readProduct(n)).level);
    expect(levels.sort()).toEqual(['L2', 'MISS']);
  });

  it('reads Postgres while its Redis is stopped, and uses it again once it is back', async () => {
    for (const n of REPLICAS) await readProduct(n);
    await supervise('stop', 'redis-cache');
    try {
      for (const n of REPLICAS) {
        await waitUntil(async () => (await readProduct(n)).level === 'BYPASS', 3_000, 50);
      }
      // Admin edits still land (and reach shoppers, from Postgres).
      await setPrice(originalPrice + 505);
      for (const n of REPLICAS) {
        expect((await readProduct(n)).product.priceCents).toBe(originalPrice + 505);
      }
    } finally {
      await supervise('start', 'redis-cache');
    }
    for (const n of REPLICAS) {
      await waitUntil(async () => (await readProduct(n)).level !== 'BYPASS', 10_000, 50);
      expect((await readProduct(n)).product.priceCents).toBe(originalPrice + 505);
    }
  });

  it('reads Postgres while its Redis stalls, and serves no stale price once it is back', async () => {
    for (const n of REPLICAS) await readProduct(n);
    let fromPostgres: Product | undefined;
    await supervise('signal', 'STOP', 'redis-cache');
    try {
      // Within two heartbeats every replica stops trusting its L1 and reads Postgres.
      for (const n of REPLICAS) {
        await waitUntil(async () => (await readProduct(n)).level === 'BYPASS', 3_000, 50);
      }
      const duringStall = originalPrice + 404;
      await setPrice(duringStall);
      for (const n of REPLICAS) {
        const read = await readProduct(n);
        expect(read.product.priceCents).toBe(duringStall);
        fromPostgres = read.product;
      }
    } finally {
      await supervise('signal', 'CONT', 'redis-cache');
    }
    // Redis kept the values from before the stall; the change owed to it is sent first, so no
    // replica serves the old price from it.
    const since = Date.now();
    for (const n of REPLICAS) {
      await waitUntil(async () => (await readProduct(n)).level !== 'BYPASS', 3_000, 20);
    }
    // The JSON the cache keeps and sends as it is equals what the API serializes itself.
    const cached = await readProduct(1);
    expect(cached.level).not.toBe('BYPASS');
    expect(cached.product).toEqual(fromPostgres);
    for (let i = 0; i < 20; i++) {
      for (const n of REPLICAS) {
        expect((await readProduct(n)).product.priceCents).toBe(originalPrice + 404);
      }
    }
    expect(Date.now() - since).toBeLessThan(10_000);
  });
});
