// The hot lists and presence, end to end on the test stack: events through the API (or, where a
// test needs events from the past or by the thousand, written to the stream in the API's own
// format), folded by the real workers, read back through the API.
import { randomUUID } from 'node:crypto';
import {
  encodeBatch,
  EVENTS_GROUP,
  EVENTS_STREAM,
  growth,
  hotKeys,
  jobs,
  ONLINE_WINDOW_MS,
  presenceKeys,
  QUEUE_PREFIX,
  queues,
  type ShopperEvent,
} from '@shop/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { Shopper } from './shopper';
import { primary, redis, replica, startWorkers, supervise, waitUntil } from './stack';

const db = primary();
const store = redis();
const HOUR = 3600_000;
const product = (label: string) => {
  const found = products[label];
  if (!found) throw new Error(`no product ${label}`);
  return found;
};

/** The weights the stack runs with (the worker's defaults). */
const WEIGHT = { view: 1, cart: 5 };

type Product = { id: string; slug: string };

interface HotList {
  computedAt: string | null;
  stale: boolean;
  items: { product: { id: string; slug: string }; score: number }[];
}

let category = '';
let otherCategory = '';
const products: Record<string, { id: string; slug: string }> = {};

async function makeProduct(label: string, categorySlug: string) {
  const slug = `hot-${label}-${randomUUID().slice(0, 8)}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO products (id, slug, name, description, price_cents, currency, stock, category_id, updated_at)
     SELECT gen_random_uuid(), $1, $2, 'For the hot-list tests.', 1000, 'USD', 1000, id, now()
     FROM categories WHERE slug = $3 RETURNING id`,
    [slug, `Hot ${label}`, categorySlug],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no product made');
  products[label] = { id, slug };
  return { id, slug };
}

const hot = async (query: string): Promise<HotList> =>
  (await (await fetch(`${env.PUBLIC_URL}/api/hot?${query}`)).json()) as HotList;

const scoreOf = (list: HotList, id: string) =>
  list.items.find((item) => item.product.id === id)?.score;

/** Writes events to the stream as the API does: one entry per batch, stamped with `at`. */
async function append(at: number, events: ShopperEvent[]) {
  await store.xadd(EVENTS_STREAM, '*', ...encodeBatch(at, events));
}

const synthetic = (kind: ShopperEvent['kind'], productId: string | null): ShopperEvent => {
  const who = randomUUID();
  return { kind, productId, visitor: `test-${who}`, address: `test-${who}` };
};

/** Waits until the stream holds nothing the workers have not applied. */
async function folded(timeoutMs = 60_000) {
  await waitUntil(async () => {
    const [length, pending] = await Promise.all([
      store.xlen(EVENTS_STREAM),
      store.xpending(EVENTS_STREAM, EVENTS_GROUP) as Promise<[number, ...unknown[]]>,
    ]);
    return length === 0 && pending[0] === 0;
  }, timeoutMs);
}

beforeAll(async () => {
  await db.connect();
  const { rows } = await db.query<{ slug: string }>(
    'SELECT slug FROM categories ORDER BY position LIMIT 2',
  );
  category = rows[0]?.slug ?? '';
  otherCategory = rows[1]?.slug ?? '';
  for (const label of [
    'a',
    'b',
    'c',
    'old',
    'steady',
    'q1',
    'q2',
    'q3',
    'q4',
    'gone',
    'p',
    'nat',
  ]) {
    await makeProduct(label, category);
  }
  await makeProduct('d', otherCategory);
  // The replica must know them before the API and the workers look them up.
  const ids = Object.values(products).map((p) => p.id);
  const standby = replica();
  await standby.connect();
  await waitUntil(async () => {
    const { rowCount } = await standby.query('SELECT 1 FROM products WHERE id = ANY($1)', [ids]);
    return rowCount === ids.length;
  }, 10_000);
  await standby.end();
});

afterAll(async () => {
  await startWorkers();
  const ids = Object.values(products).map((p) => p.id);
  await db.query('DELETE FROM products WHERE id = ANY($1)', [ids]);
  await db.end();
  store.disconnect();
});

describe('hot lists', () => {
  it("ranks a department's products by weighted events, counts a visitor's repeats once, and keeps other departments out", async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(product) as [Product, Product, Product, Product];
    const visitors = Array.from({ length: 7 }, () => new Shopper());
    const [v0, v1, v2, v3, v4, v5, v6] = visitors as [
      Shopper,
      Shopper,
      Shopper,
      Shopper,
      Shopper,
      Shopper,
      Shopper,
    ];
    for (const v of [v0, v1, v2, v3]) expect((await v.view(a.id)).status).toBe(202);
    for (let i = 0; i < 3; i++) await v0.view(a.id); // repeats: counted once
    for (const v of [v4, v5]) {
      await v.view(b.id);
      expect(
        (await v.call('POST', '/api/cart/items', { productId: b.id, quantity: 1 })).status,
      ).toBe(200);
    }
    await v6.view(c.id);
    for (const v of visitors.slice(0, 6)) await v.view(d.id);

    await waitUntil(
      async () =>
        (await hot(`category=${category}&limit=50`)).items.some((i) => i.product.id === c.id),
      20_000,
    );
    await folded();
    const list = await hot(`category=${category}&limit=50`);
    const ranked = list.items
      .map((i) => i.product.id)
      .filter((id) => [a.id, b.id, c.id].includes(id));
    expect(ranked).toEqual([b.id, a.id, c.id]);
    // Scores decay by the hour: seconds after the events they are within a percent of the sum.
    expect(scoreOf(list, b.id)).toBeCloseTo(2 * WEIGHT.view + 2 * WEIGHT.cart, 0);
    expect(scoreOf(list, a.id)).toBeCloseTo(4 * WEIGHT.view, 0);
    expect(scoreOf(list, c.id)).toBeCloseTo(WEIGHT.view, 0);
    expect(list.items.some((i) => i.product.id === d.id)).toBe(false);
    expect(list.stale).toBe(false);
    const all = await hot('limit=50');
    expect(all.items.some((i) => i.product.id === d.id)).toBe(true);
    await Promise.all(visitors.map((v) => v.close()));
  });

  it('lets an old burst fall below a steady stream as it decays', async () => {
    const [old, steady] = [product('old'), product('steady')];
    // 20 views three half-lives ago weigh 20 / 2³ = 2.5 now; 5 views now weigh 5.
    await append(
      Date.now() - 3 * HOUR,
      Array.from({ length: 20 }, () => synthetic('view', old.id)),
    );
    await append(
      Date.now(),
      Array.from({ length: 5 }, () => synthetic('view', steady.id)),
    );
    await folded();
    const list = await hot(`category=${category}&limit=50`);
    const ranked = list.items
      .map((i) => i.product.id)
      .filter((id) => id === old.id || id === steady.id);
    expect(ranked).toEqual([steady.id, old.id]);
    expect(scoreOf(list, old.id)).toBeCloseTo(2.5, 1);
    expect(scoreOf(list, steady.id)).toBeCloseTo(5, 1);
  });

  it('counts every event exactly once when a worker is killed (SIGKILL) in the middle of folding', async () => {
    const quartet = ['q1', 'q2', 'q3', 'q4'].map((label) => product(label).id);
    await folded();
    await supervise('stop', 'worker:*');
    const viewsFolded = async () => Number(await store.hget(hotKeys.folded, 'view'));
    const tallyBefore = await viewsFolded();
    const at = Date.now();
    const entries = 2_000;
    const expected = new Map(quartet.map((id) => [id, 0]));
    for (let e = 0; e < entries; e++) {
      const events = Array.from({ length: 40 }, (_, i) => {
        const id = quartet[(e + i) % quartet.length] ?? '';
        expected.set(id, (expected.get(id) ?? 0) + 1);
        return synthetic('view', id);
      });
      await append(at, events);
    }
    await startWorkers();
    // Kill worker-1 once folding is under way and far from done.
    await waitUntil(async () => (await store.xlen(EVENTS_STREAM)) < entries - 100, 60_000, 5);
    const left = await store.xlen(EVENTS_STREAM);
    await supervise('signal', 'KILL', 'worker:worker-1');
    expect(left).toBeGreaterThan(0);
    await folded(90_000);
    // The fold's own tally: every entry applied once, none twice (what chaos kill-worker reads).
    expect((await viewsFolded()) - tallyBefore).toBe(entries * 40);

    const meta = await store.hgetall(hotKeys.meta);
    const factor = growth(at, Number(meta.epochMs), Number(meta.halfLifeSeconds));
    for (const id of quartet) {
      const stored = Number(await store.zscore(hotKeys.category(category), id));
      const views = (expected.get(id) ?? 0) * WEIGHT.view;
      // One event too many or too few would be off by at least 1 / 20,000.
      expect(Math.abs(stored / factor - views) / views).toBeLessThan(1e-7);
    }
  }, 180_000);

  it('still answers from the last lists, marked stale, with every worker stopped, and browsing goes on; fresh again once they are back, events or not', async () => {
    await supervise('stop', 'worker:*');
    await waitUntil(async () => (await hot('limit=5')).stale, 30_000, 500);
    const list = await hot('limit=5');
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.computedAt).not.toBeNull();
    expect((await fetch(`${env.PUBLIC_URL}/api/products?pageSize=5`)).status).toBe(200);
    expect((await fetch(`${env.PUBLIC_URL}/api/products?sort=popular&pageSize=5`)).status).toBe(
      200,
    );
    expect((await fetch(`${env.PUBLIC_URL}/`)).status).toBe(200);
    await startWorkers();
    // No event needs to arrive: a fold that finds nothing still says the lists are current.
    await waitUntil(async () => !(await hot('limit=5')).stale, 15_000, 500);
  }, 60_000);

  it('recovers the lists from their Postgres snapshot when the events Redis restarts empty', async () => {
    const before = await hot(`category=${category}&limit=5`);
    expect(before.items.length).toBeGreaterThan(0);
    const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(queues.hotlists, { connection, prefix: QUEUE_PREFIX });
    try {
      const job = await queue.add(jobs.snapshotHotlists, {});
      await waitUntil(async () => (await job.isCompleted()) === true, 30_000, 100);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    // It keeps nothing on disk: a restart loses the lists, the stream and its consumer group.
    await supervise('restart', 'redis-events');
    await waitUntil(
      async () => (await hot(`category=${category}&limit=5`)).items.length > 0,
      30_000,
      200,
    );
    const after = await hot(`category=${category}&limit=5`);
    expect(after.items.map((i) => i.product.id)).toEqual(before.items.map((i) => i.product.id));
    // Events are recorded and folded again: the stream and its group are back.
    const shopper = new Shopper();
    expect((await shopper.view(product('c').id)).status).toBe(202);
    await waitUntil(
      async () => (await store.zscore(presenceKeys.visitors, shopper.key ?? '')) !== null,
      15_000,
    );
    await shopper.close();
  }, 60_000);
});

describe('bad events', () => {
  it('counts at most 120 events a minute from one address, however many visitors it holds', async () => {
    const nat = product('nat');
    const address = `test-nat-${randomUUID()}`;
    const crowd = Array.from({ length: 150 }, () => ({ ...synthetic('view', nat.id), address }));
    await append(Date.now(), crowd);
    await folded();
    const list = await hot(`category=${category}&limit=50`);
    expect(scoreOf(list, nat.id)).toBeCloseTo(120 * WEIGHT.view, 0);
  });

  it('refuses malformed events and drops ones naming no product, changing no score', async () => {
    const visitor = new Shopper();
    expect(
      (await visitor.call('POST', '/api/events', { kind: 'like', productId: product('a').id }))
        .status,
    ).toBe(400);
    expect((await visitor.call('POST', '/api/events', { kind: 'view' })).status).toBe(400);
    expect(
      (await visitor.call('POST', '/api/events', { kind: 'view', productId: 'x'.repeat(70_000) }))
        .status,
    ).toBe(413);
    const ghost = randomUUID();
    expect((await visitor.view(ghost)).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await folded();
    expect(await store.zscore(hotKeys.all, ghost)).toBeNull();
    await visitor.close();
  });

  it("limits one session's replayed beacon: the flood is refused and the product gains one view", async () => {
    const gone = product('gone');
    const bot = new Shopper();
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) statuses.push((await bot.view(gone.id)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 202 && s !== 429)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await folded();
    const list = await hot(`category=${category}&limit=50`);
    expect(scoreOf(list, gone.id)).toBeCloseTo(WEIGHT.view, 1);
    await bot.close();
  });
});

describe('presence', () => {
  it('counts visitors by last seen: 1,000 new ones all online, those on a product page apart, the quiet ones out', async () => {
    const page = product('p');
    const visitors = Array.from({ length: 1_000 }, () => new Shopper());
    // Ten at a time: the replicas' admission would turn a larger burst partly away (503).
    for (let i = 0; i < visitors.length; i += 10) {
      const answers = await Promise.all(
        visitors
          .slice(i, i + 10)
          .map((v, n) =>
            v.call(
              'POST',
              '/api/events',
              i + n < 3 ? { kind: 'seen', productId: page.id } : { kind: 'seen' },
            ),
          ),
      );
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 202));
    }
    // Ten visitors last seen six minutes ago: past the five-minute window.
    const quiet = Array.from({ length: 10 }, () => synthetic('seen', null));
    await append(Date.now() - 6 * 60_000, quiet);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await folded();

    const since = Date.now() - ONLINE_WINDOW_MS;
    const seen = await store.zmscore(presenceKeys.visitors, ...visitors.map((v) => v.key ?? ''));
    expect(seen.filter((score) => score !== null && Number(score) >= since)).toHaveLength(1_000);
    const quietSeen = await store.zmscore(presenceKeys.visitors, ...quiet.map((e) => e.visitor));
    expect(quietSeen.every((score) => score !== null && Number(score) < since)).toBe(true);

    const counts = (await (
      await fetch(`${env.PUBLIC_URL}/api/online?product=${page.slug}`)
    ).json()) as {
      online: number;
      viewing: Record<string, number>;
    };
    expect(counts.online).toBeGreaterThanOrEqual(1_000);
    expect(counts.viewing[page.slug]).toBe(3);
    await Promise.all(visitors.map((v) => v.close()));
  }, 120_000);
});
