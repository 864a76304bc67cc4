import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Order } from '@shop/domain';
import { decodeBatch, EVENTS_STREAM, type ShopperEvent } from '@shop/jobs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MaildevInbox } from '../src/outbox/maildev-inbox';
import { orderMessageId } from '../src/outbox/order-mail';
import { purchasesMark, RedisPurchaseRecorder } from '../src/outbox/record-purchases';
import { SmtpMailer } from '../src/outbox/smtp-mailer';
import { env, stackEnvironment } from './env';
import { shippingAddress, Shopper, uniqueEmail } from './shopper';
import { mailsWithMessageId, primary, supervise, waitUntil } from './stack';

// The outbox relay against the running stack: orders placed through the edge like a shopper
// does, mails read back from the stack's mail server (maildev), purchase events read off the
// events stream and the hot lists, the outbox row read from the primary.

const db = primary();
const redis = new Redis(env.EVENTS_REDIS_URL);
let products: { id: string; name: string; category: string }[] = [];

/** How often the stack's workers fold events into the hot lists (the worker's default). */
const FOLD_INTERVAL_MS = 3_000;

/** The product's score in its department's hot list, as the API answers it. */
async function hotScore(product: { id: string; category: string }): Promise<number | undefined> {
  const response = await fetch(`${env.PUBLIC_URL}/api/hot?category=${product.category}&limit=50`);
  const list = (await response.json()) as {
    items: { product: { id: string }; score: number }[];
  };
  return list.items.find((item) => item.product.id === product.id)?.score;
}

interface OutboxRow {
  delivered_at: Date | null;
  mail_sending_at: Date | null;
  mailed_at: Date | null;
  purchases_recorded_at: Date | null;
  attempts: number;
}

async function outboxRowOf(orderId: string): Promise<OutboxRow | undefined> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT delivered_at, mail_sending_at, mailed_at, purchases_recorded_at, attempts
     FROM outbox WHERE topic = 'order.placed' AND payload->>'orderId' = $1`,
    [orderId],
  );
  return rows[0];
}

/**
 * Every batch appended to the events stream while it runs, seen through Redis' MONITOR: Redis
 * reports each XADD as it runs it (one run inside a script too), so an entry the fold reads and
 * deletes at once is seen all the same.
 */
class StreamTap {
  readonly batches: ShopperEvent[][] = [];
  readonly #monitor: Promise<Redis>;

  constructor() {
    this.#monitor = new Redis(env.EVENTS_REDIS_URL).monitor();
  }

  /** Resolves once Redis reports commands to the tap: start it before what it should see. */
  async start() {
    const monitor = await this.#monitor;
    monitor.on('monitor', (_time: string, args: string[]) => {
      const fields = xaddFields(args);
      const batch = fields && decodeBatch(fields);
      if (batch) this.batches.push(batch.events);
    });
  }

  /** The batches holding events of this order (its purchases, visitor `order:<id>`). */
  batchesOf(orderId: string): ShopperEvent[][] {
    return this.batches.filter((events) => events.some((e) => e.visitor === `order:${orderId}`));
  }

  async stop() {
    (await this.#monitor).disconnect();
  }
}

/**
 * The field-value pairs of an `XADD <events stream> [NOMKSTREAM] [MAXLEN|MINID [=|~] n [LIMIT
 * count]] <id> field value …` command, or undefined for any other command.
 */
function xaddFields(args: string[]): string[] | undefined {
  if (args[0]?.toUpperCase() !== 'XADD' || args[1] !== EVENTS_STREAM) return undefined;
  let i = 2;
  if (args[i]?.toUpperCase() === 'NOMKSTREAM') i++;
  if (['MAXLEN', 'MINID'].includes(args[i]?.toUpperCase() ?? '')) {
    i++;
    if (args[i] === '=' || args[i] === '~') i++;
    i++;
    if (args[i]?.toUpperCase() === 'LIMIT') i += 2;
  }
  return args.slice(i + 1);
}

async function placeOrder(lines: { id: string; quantity: number }[]): Promise<Order> {
  const shopper = new Shopper();
  for (const line of lines) {
    const added = await shopper.post('/api/cart/items', {
      productId: line.id,
      quantity: line.quantity,
    });
    expect(added.status).toBe(200);
  }
  const placed = await shopper.post<{ order: Order }>(
    '/api/orders',
    { email: uniqueEmail('outbox'), shippingAddress },
    { 'idempotency-key': randomUUID() },
  );
  expect(placed.status).toBe(201);
  return placed.body.order;
}

const pick = (n: number) => products.splice(0, n);

beforeAll(async () => {
  await db.connect();
  // Products no other test of this file buys, so each order's lines are its own.
  const { rows } = await db.query<{ id: string; name: string; category: string }>(
    `SELECT p.id, p.name, c.slug AS category
     FROM products p JOIN categories c ON c.id = p.category_id
     WHERE p.stock >= 50 ORDER BY random() LIMIT 10`,
  );
  products = rows;
});

afterAll(async () => {
  await db.end();
  redis.disconnect();
});

describe('outbox delivery of a placed order', () => {
  it('puts one confirmation in the inbox, its purchases once on the stream and on the hot lists within two folds, and marks the row delivered', async () => {
    const tap = new StreamTap();
    await tap.start();
    try {
      const [lamp, desk] = pick(2);
      if (!lamp || !desk) throw new Error('no products');
      const before = await hotScore(lamp);
      const order = await placeOrder([
        { id: lamp.id, quantity: 2 },
        { id: desk.id, quantity: 1 },
      ]);

      await waitUntil(async () => (await outboxRowOf(order.id))?.delivered_at != null, 20_000);
      // Once the relay has recorded the purchase, the next fold or the one after puts it on the
      // department's hot list, raised by a purchase's weight (20; what it had decays a little meanwhile).
      await waitUntil(
        async () => ((await hotScore(lamp)) ?? 0) >= (before ?? 0) + 19.9,
        2 * FOLD_INTERVAL_MS,
      );
      const mails = await mailsWithMessageId(orderMessageId(order.id));
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.subject).toBe(`Your Shopscale order #${order.number}`);
      expect(mail?.to.map((t) => t.address)).toEqual([order.email]);
      expect(mail?.from[0]?.address).toBe('orders@shopscale.local');
      expect(mail?.text).toContain(`2 × ${lamp.name}`);
      expect(mail?.text).toContain(`1 × ${desk.name}`);
      expect(mail?.text).toContain(`${env.PUBLIC_URL}/orders/${order.id}`);
      expect(mail?.html).toContain(`/orders/${order.id}"`);

      const row = await outboxRowOf(order.id);
      expect(row?.mailed_at).not.toBeNull();
      expect(row?.purchases_recorded_at).not.toBeNull();

      await waitUntil(async () => tap.batchesOf(order.id).length > 0, 5_000);
      const batches = tap.batchesOf(order.id);
      expect(batches).toHaveLength(1);
      expect(batches[0]?.map((e) => [e.kind, e.productId]).sort()).toEqual(
        [
          ['purchase', lamp.id],
          ['purchase', desk.id],
        ].sort(),
      );
    } finally {
      await tap.stop();
    }
  });

  it('leaves one mail and a delivered row when the relay is killed between sending and marking', async () => {
    // Only a relay of this test runs: the stack's workers stop, this one waits a minute after
    // each send (OUTBOX_PAUSE_AFTER_SEND_MS) with a short lease, and is killed in that wait.
    const tap = new StreamTap();
    await tap.start();
    let relay: ChildProcess | undefined;
    await supervise('stop', 'worker:*');
    try {
      relay = spawn('node', ['dist/server.js'], {
        cwd: `${env.SHOP_ROOT}/apps/worker`,
        env: {
          ...stackEnvironment,
          HOST: env.SHOP_HOST,
          PORT: String(env.WORKER_PORT_BASE + 9),
          WORKER_INSTANCE_ID: 'worker-killed-by-test',
          OUTBOX_PAUSE_AFTER_SEND_MS: '60000',
          OUTBOX_LEASE_SECONDS: '3',
        },
        stdio: 'ignore',
      });
      const [product] = pick(1);
      if (!product) throw new Error('no products');
      const order = await placeOrder([{ id: product.id, quantity: 1 }]);

      // The mail is in the inbox; the row says a send began and nothing more.
      await waitUntil(
        async () => (await mailsWithMessageId(orderMessageId(order.id))).length > 0,
        20_000,
      );
      const exited = once(relay, 'exit');
      relay.kill('SIGKILL');
      await exited;
      const killed = await outboxRowOf(order.id);
      expect(killed?.mail_sending_at).not.toBeNull();
      expect(killed?.mailed_at).toBeNull();
      expect(killed?.delivered_at).toBeNull();

      // The stack's workers take the row over once the dead relay's lease ran out, find the
      // mail by its Message-ID and only mark the row.
      await supervise('start', 'worker:*');
      await waitUntil(async () => (await outboxRowOf(order.id))?.delivered_at != null, 30_000);
      expect(await mailsWithMessageId(orderMessageId(order.id))).toHaveLength(1);
      const delivered = await outboxRowOf(order.id);
      expect(delivered?.mailed_at).not.toBeNull();
      expect(delivered?.attempts).toBe(2);
      await waitUntil(async () => tap.batchesOf(order.id).length > 0, 5_000);
      expect(tap.batchesOf(order.id)).toHaveLength(1);
    } finally {
      if (relay && relay.exitCode === null && relay.signalCode === null) relay.kill('SIGKILL');
      await supervise('start', 'worker:*').catch(() => undefined);
      await tap.stop();
    }
  }, 90_000);
});

describe('outbox relay parts against the stack', () => {
  it('finds a mail in the inbox by its Message-ID, and not one that never came', async () => {
    const inbox = new MaildevInbox(env.MAIL_WEB_URL);
    const mailer = new SmtpMailer(env.SMTP_URL, 'Shopscale test <test@shopscale.local>');
    const sent = `<reconcile-${randomUUID()}@shopscale.local>`;
    const never = `<reconcile-${randomUUID()}@shopscale.local>`;
    try {
      expect(await inbox.hasArrived(sent)).toBe(false);
      await mailer.send({
        messageId: sent,
        to: 'nobody@example.test',
        subject: 'reconciliation check',
        text: 'hello',
        html: '<p>hello</p>',
      });
      expect(await inbox.hasArrived(sent)).toBe(true);
      expect(await inbox.hasArrived(never)).toBe(false);
    } finally {
      mailer.close();
    }
  });

  it('appends an order’s purchase events once, however often the relay asks', async () => {
    const stream = `test:events:${randomUUID()}`;
    const orderId = randomUUID();
    const productIds = [randomUUID(), randomUUID()];
    const recorder = new RedisPurchaseRecorder(redis, stream);
    try {
      expect(await recorder.record({ orderId, productIds, at: 1_000 })).toBe(true);
      expect(await recorder.record({ orderId, productIds, at: 2_000 })).toBe(false);
      const entries = await redis.xrange(stream, '-', '+');
      expect(entries).toHaveLength(1);
      const batch = decodeBatch(entries[0]?.[1] ?? []);
      expect(batch?.at).toBe(1_000);
      expect(batch?.events).toEqual(
        productIds.map((productId) => ({
          kind: 'purchase',
          productId,
          visitor: `order:${orderId}`,
          address: '',
        })),
      );
      // The mark outlives the fold's repeat window (30 minutes) by far.
      expect(await redis.ttl(purchasesMark(orderId))).toBeGreaterThan(24 * 3600);
    } finally {
      await redis.del(stream, purchasesMark(orderId));
    }
  });
});
