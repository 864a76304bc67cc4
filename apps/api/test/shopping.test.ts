import { randomUUID } from 'node:crypto';
import type { Cart, ErrorBody, Order, User } from '@shop/domain';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { address, randomClientAddress, Shopper, uniqueEmail } from './shopper';
import { superuser } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);
const replica = superuser(env.PG_REPLICA_PORT);
const redis = new Redis(env.REDIS_URL);
let productIds: string[] = [];

/** A product of its own for a test, with the given stock; removed afterwards. */
const madeProducts: string[] = [];
async function productWithStock(stock: number): Promise<string> {
  const { rows } = await primary.query<{ id: string }>(
    `INSERT INTO products (id, slug, name, description, price_cents, currency, stock, category_id, updated_at)
     SELECT gen_random_uuid(), $1, 'Limited edition lamp', 'Only a few made.', 4999, 'USD', $2, id, now()
     FROM categories ORDER BY position LIMIT 1 RETURNING id`,
    [`limited-${randomUUID().slice(0, 8)}`, stock],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no product made');
  madeProducts.push(id);
  await waitForReplica(id);
  return id;
}

async function waitForReplica(productId: string) {
  for (let i = 0; i < 200; i++) {
    const { rowCount } = await replica.query('SELECT 1 FROM products WHERE id = $1', [productId]);
    if (rowCount === 1) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('replica never saw the product');
}

async function waitForReplicaPrice(productId: string, priceCents: number) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await replica.query<{ price_cents: number }>(
      'SELECT price_cents FROM products WHERE id = $1',
      [productId],
    );
    if (rows[0]?.price_cents === priceCents) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('replica never saw the price');
}

const checkout = (shopper: Shopper, key = randomUUID(), email = 'guest@example.test') =>
  shopper.post<{ order: Order } & ErrorBody>(
    '/api/orders',
    { email, shippingAddress: address },
    { 'idempotency-key': key },
  );

beforeAll(async () => {
  await Promise.all([primary.connect(), replica.connect()]);
  const { rows } = await primary.query<{ id: string }>(
    'SELECT id FROM products WHERE stock >= 50 ORDER BY slug LIMIT 3',
  );
  productIds = rows.map((r) => r.id);
});

afterAll(async () => {
  await replica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
  await primary.query('DELETE FROM order_lines WHERE product_id = ANY($1)', [madeProducts]);
  await primary.query('DELETE FROM products WHERE id = ANY($1)', [madeProducts]);
  await Promise.all([primary.end(), replica.end()]);
  redis.disconnect();
});

describe('sessions and accounts', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie holding a long random id', async () => {
    const guest = new Shopper();
    await guest.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    const cookie = guest.setCookies.find((c) => c.startsWith('shop_sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure when the edge serves TLS
    expect(guest.sessionId?.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits, base64url
  });

  it('registers, rotates the session id and stores an argon2id hash', async () => {
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 2 });
    const guestId = shopper.sessionId;
    const email = uniqueEmail('register');
    const reply = await shopper.post<{ user: User }>('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'Reg Ister',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ email, role: 'customer' });
    expect(shopper.sessionId).toBeDefined();
    expect(shopper.sessionId).not.toBe(guestId);
    expect(await redis.exists(`sess:${guestId}`)).toBe(0);
    const { rows } = await primary.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [email],
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    const cart = await shopper.get<Cart>('/api/cart');
    expect(cart.body.items).toMatchObject([{ productId: productIds[0], quantity: 2 }]);
    expect((await shopper.get<{ user: User }>('/api/me')).body.user.email).toBe(email);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const email = uniqueEmail('twice');
    await new Shopper().post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'One',
    });
    const again = await new Shopper().post<ErrorBody>('/api/auth/register', {
      email: email.toUpperCase(),
      password: 'long enough pw',
      name: 'Two',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('logs in with a new session id, merging the guest cart, and logs out server-side', async () => {
    const email = uniqueEmail('login');
    const first = new Shopper();
    await first.post('/api/auth/register', { email, password: 'long enough pw', name: 'Lo Gin' });
    await first.post('/api/cart/items', { productId: productIds[1], quantity: 1 });
    await first.post('/api/auth/logout');

    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[1], quantity: 2 });
    const guestId = shopper.sessionId;
    const login = await shopper.post<{ user: User }>('/api/auth/login', {
      email,
      password: 'long enough pw',
    });
    expect(login.status).toBe(200);
    expect(shopper.sessionId).not.toBe(guestId);
    const cart = await shopper.get<Cart>('/api/cart');
    expect(cart.body.items).toMatchObject([{ productId: productIds[1], quantity: 3 }]);

    const stolen = new Shopper();
    stolen.cookies = new Map(shopper.cookies);
    const logout = await shopper.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(await redis.exists(`sess:${stolen.sessionId}`)).toBe(0);
    expect((await stolen.get('/api/me')).status).toBe(401);
  });

  it('tells a guest and a signed-in shopper apart on /api/session, with 200 for both', async () => {
    const shopper = new Shopper();
    const guest = await shopper.get<{ user: User | null }>('/api/session');
    expect(guest.status).toBe(200);
    expect(guest.body).toEqual({ user: null });
    const email = uniqueEmail('session');
    await shopper.post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'Se Ssion',
    });
    const signedIn = await shopper.get<{ user: User | null }>('/api/session');
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email, name: 'Se Ssion', role: 'customer' });
    await shopper.post('/api/auth/logout');
    expect((await shopper.get<{ user: User | null }>('/api/session')).body).toEqual({ user: null });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const email = uniqueEmail('alike');
    await new Shopper().post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'A Like',
    });
    const wrong = await new Shopper().post<ErrorBody>('/api/auth/login', {
      email,
      password: 'not the password',
    });
    const unknown = await new Shopper().post<ErrorBody>('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'not the password',
    });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rate-limits failed logins to one account from one address with 429 and Retry-After', async () => {
    const email = uniqueEmail('limited');
    await new Shopper().post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'Li Mit',
    });
    const from = randomClientAddress();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const reply = await new Shopper(from).post('/api/auth/login', {
        email,
        password: `wrong ${i}`,
      });
      statuses.push(reply.status);
      retryAfter ??= reply.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const right = await new Shopper(from).post('/api/auth/login', {
      email,
      password: 'long enough pw',
    });
    expect(right.status).toBe(429);
  });

  it('rate-limits failed logins per client address across accounts', async () => {
    const address = randomClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const reply = await new Shopper(address).post('/api/auth/login', {
        email: uniqueEmail(`spray${i}`),
        password: 'guess guess',
      });
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses state-changing requests sent from another site', async () => {
    const shopper = new Shopper();
    const body = { productId: productIds[0], quantity: 1 };
    const fromOrigin = await shopper.post<ErrorBody>('/api/cart/items', body, {
      origin: 'https://evil.example',
    });
    expect(fromOrigin.status).toBe(403);
    expect(fromOrigin.body.error.code).toBe('CROSS_SITE_REQUEST');
    const crossSite = await shopper.post('/api/cart/items', body, {
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await shopper.post('/api/cart/items', body, {
      'sec-fetch-site': 'same-origin',
      origin: env.PUBLIC_URL,
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("accepts a write carrying the shop's own origin, port included, without Sec-Fetch-Site", async () => {
    const shopper = new Shopper();
    const body = { productId: productIds[0], quantity: 1 };
    const own = await shopper.post('/api/cart/items', body, {
      origin: new URL(env.PUBLIC_URL).origin,
    });
    expect(own.status).toBe(200);
    const host = new URL(env.PUBLIC_URL).hostname;
    for (const origin of [`http://${host}`, `https://${host}`, `http://${host}:1`, 'null']) {
      const other = await shopper.post<ErrorBody>('/api/cart/items', body, { origin });
      expect(other.status, origin).toBe(403);
      expect(other.body.error.code).toBe('CROSS_SITE_REQUEST');
    }
  });

  it('starts clean when B signs in where A was signed in: no cart, no orders of A', async () => {
    const [emailA, emailB] = [uniqueEmail('alice'), uniqueEmail('bob')];
    await new Shopper().post('/api/auth/register', {
      email: emailB,
      password: 'long enough pw',
      name: 'Bob',
    });
    const browser = new Shopper();
    await browser.post('/api/auth/register', {
      email: emailA,
      password: 'long enough pw',
      name: 'Alice',
    });
    await browser.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    const placed = await checkout(browser, randomUUID(), emailA);
    expect(placed.status).toBe(201);
    await browser.post('/api/cart/items', { productId: productIds[1], quantity: 2 });

    const asB = await browser.post('/api/auth/login', {
      email: emailB,
      password: 'long enough pw',
    });
    expect(asB.status).toBe(200);
    expect((await browser.get<Cart>('/api/cart')).body.items).toEqual([]);
    expect((await browser.get(`/api/orders/${placed.body.order.id}`)).status).toBe(404);
    expect((await browser.get<{ items: Order[] }>('/api/orders')).body.items).toEqual([]);

    // A's cart is A's still.
    const again = new Shopper();
    await again.post('/api/auth/login', { email: emailA, password: 'long enough pw' });
    expect((await again.get<Cart>('/api/cart')).body.items).toMatchObject([
      { productId: productIds[1], quantity: 2 },
    ]);
  });
});

describe('cart', () => {
  it('adds, changes and removes lines with totals', async () => {
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 2 });
    const added = await shopper.post<Cart>('/api/cart/items', {
      productId: productIds[1],
      quantity: 1,
    });
    expect(added.body.items).toHaveLength(2);
    const line0 = added.body.items.find((i) => i.productId === productIds[0]);
    expect(line0?.quantity).toBe(3);
    const changed = await shopper.call<Cart>('PATCH', `/api/cart/items/${productIds[1]}`, {
      quantity: 5,
    });
    expect(changed.body.items.find((i) => i.productId === productIds[1])?.quantity).toBe(5);
    expect(changed.body.totalCents).toBe(
      changed.body.items.reduce((s, i) => s + i.priceCents * i.quantity, 0),
    );
    const removed = await shopper.call<Cart>('PATCH', `/api/cart/items/${productIds[1]}`, {
      quantity: 0,
    });
    expect(removed.body.items).toHaveLength(1);
    const deleted = await shopper.call<Cart>('DELETE', `/api/cart/items/${productIds[0]}`);
    expect(deleted.body).toEqual({ items: [], totalCents: 0, currency: 'USD' });
  });

  it.each([
    [{ productId: randomUUID(), quantity: 1 }, 'productId'],
    [{ productId: 'not-an-id', quantity: 1 }, 'productId'],
    [{ quantity: 1 }, 'productId'],
    [{ productId: 'PRODUCT', quantity: 0 }, 'quantity'],
    [{ productId: 'PRODUCT', quantity: 100 }, 'quantity'],
    [{ productId: 'PRODUCT', quantity: -3 }, 'quantity'],
    [{ productId: 'PRODUCT', quantity: 1.5 }, 'quantity'],
    [{ productId: 'PRODUCT', quantity: '2' }, 'quantity'],
  ])('refuses %o naming %s', async (body: Record<string, unknown>, field) => {
    const payload = {
      ...body,
      ...(body.productId === 'PRODUCT' ? { productId: productIds[0] } : {}),
    };
    const reply = await new Shopper().post<ErrorBody>('/api/cart/items', payload);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.error)).toContain(field);
  });

  it('never lets a line pass 99', async () => {
    const plenty = await productWithStock(500);
    const shopper = new Shopper();
    expect(
      (await shopper.post('/api/cart/items', { productId: plenty, quantity: 60 })).status,
    ).toBe(200);
    const over = await shopper.post<ErrorBody>('/api/cart/items', {
      productId: plenty,
      quantity: 60,
    });
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.body.error)).toContain('quantity');
  });

  it('caps a line at the stock with a message naming how many are left', async () => {
    const scarce = await productWithStock(3);
    const shopper = new Shopper();
    const over = await shopper.post<ErrorBody>('/api/cart/items', {
      productId: scarce,
      quantity: 5,
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('OUT_OF_STOCK');
    expect(over.body.error.message).toBe('Only 3 left');
    expect(over.body.error.details).toMatchObject({
      fields: [{ field: 'quantity', message: 'Only 3 left' }],
      lines: [{ productId: scarce, requested: 5, available: 3, inCart: 0 }],
    });
    expect((await shopper.post('/api/cart/items', { productId: scarce, quantity: 2 })).status).toBe(
      200,
    );
    const more = await shopper.post<ErrorBody>('/api/cart/items', {
      productId: scarce,
      quantity: 2,
    });
    expect(more.status).toBe(409);
    expect(more.body.error.details).toMatchObject({ lines: [{ available: 3, inCart: 2 }] });
    const set = await shopper.call<ErrorBody>('PATCH', `/api/cart/items/${scarce}`, {
      quantity: 4,
    });
    expect(set.status).toBe(409);
    expect((await shopper.get<Cart>('/api/cart')).body.items).toMatchObject([{ quantity: 2 }]);
  });

  it('holds at most 50 different products in one cart', async () => {
    const { rows } = await primary.query<{ id: string }>(
      'SELECT id FROM products WHERE stock > 0 ORDER BY slug LIMIT 51',
    );
    const shopper = new Shopper();
    for (const { id } of rows.slice(0, 50)) {
      expect((await shopper.post('/api/cart/items', { productId: id, quantity: 1 })).status).toBe(
        200,
      );
    }
    const full = await shopper.post<ErrorBody>('/api/cart/items', {
      productId: rows[50]?.id,
      quantity: 1,
    });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('CART_FULL');
    expect((await shopper.get<Cart>('/api/cart')).body.items).toHaveLength(50);
    // Lines already in the cart still change.
    const more = await shopper.post('/api/cart/items', { productId: rows[0]?.id, quantity: 1 });
    expect(more.status).toBe(200);
  });
});

describe('checkout', () => {
  it('places the cart as an order, clears the cart and shows it to the guest who placed it only', async () => {
    const guest = new Shopper();
    await guest.post('/api/cart/items', { productId: productIds[0], quantity: 2 });
    await guest.post('/api/cart/items', { productId: productIds[1], quantity: 1 });
    const placed = await checkout(guest);
    expect(placed.status).toBe(201);
    const { order } = placed.body;
    expect(order.items).toHaveLength(2);
    expect(order.totalCents).toBe(order.items.reduce((s, i) => s + i.priceCents * i.quantity, 0));
    expect((await guest.get<Cart>('/api/cart')).body.items).toEqual([]);
    expect((await guest.get(`/api/orders/${order.id}`)).status).toBe(200);
    expect((await new Shopper().get(`/api/orders/${order.id}`)).status).toBe(404);
    expect((await guest.get('/api/orders')).status).toBe(401);
    const outbox = await primary.query(
      `SELECT 1 FROM outbox WHERE topic = 'order.placed' AND payload->>'orderId' = $1`,
      [order.id],
    );
    expect(outbox.rowCount).toBe(1);
  });

  it('returns the first result for a repeated key and refuses the key with another body', async () => {
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[2], quantity: 1 });
    const key = randomUUID();
    const first = await checkout(shopper, key);
    const again = await checkout(shopper, key);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.order.id).toBe(first.body.order.id);
    const other = await checkout(shopper, key, 'someone-else@example.test');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    [{}, 'idempotency-key'],
    [{ 'idempotency-key': 'short' }, 'idempotency-key'],
  ])('refuses a checkout with headers %o naming %s', async (headers, field) => {
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    const reply = await shopper.post<ErrorBody>(
      '/api/orders',
      { email: 'a@example.test', shippingAddress: address },
      headers,
    );
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body.error)).toContain(field);
  });

  it('refuses an empty cart', async () => {
    const reply = await checkout(new Shopper());
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('CART_EMPTY');
  });

  it('never oversells: 200 concurrent checkouts for a stock of 10 make exactly 10 orders, the rest refused', async () => {
    const productId = await productWithStock(10);
    const shoppers = Array.from({ length: 200 }, () => new Shopper());
    for (const shopper of shoppers) {
      const added = await shopper.post('/api/cart/items', { productId, quantity: 1 });
      expect(added.status).toBe(200);
    }
    const replies = await Promise.all(shoppers.map((s) => checkout(s)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    // The rest are refused: out of stock, or turned away at once as busy (a burst of 200 is
    // more than the replicas admit at a time), never anything else.
    expect(statuses.filter((s) => s !== 201 && s !== 409 && s !== 503)).toEqual([]);
    for (const reply of replies.filter((r) => r.status === 503)) {
      expect(reply.body.error.code).toBe('SERVICE_BUSY');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    for (const reply of replies.filter((r) => r.status === 409)) {
      expect(reply.body.error.code).toBe('OUT_OF_STOCK');
      expect(reply.body.error.details).toEqual({
        lines: [{ productId, requested: 1, available: 0 }],
      });
    }
    const stock = await primary.query<{ stock: number }>(
      'SELECT stock FROM products WHERE id = $1',
      [productId],
    );
    expect(stock.rows[0]?.stock).toBe(0);
    const lines = await primary.query('SELECT 1 FROM order_lines WHERE product_id = $1', [
      productId,
    ]);
    expect(lines.rowCount).toBe(10);
  });

  it('makes one order from 10 concurrent requests with one key', async () => {
    const productId = await productWithStock(50);
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId, quantity: 2 });
    const key = randomUUID();
    const replies = await Promise.all(Array.from({ length: 10 }, () => checkout(shopper, key)));
    expect(replies.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(new Set(replies.map((r) => r.body.order.id)).size).toBe(1);
    const orders = await primary.query(
      'SELECT DISTINCT order_id FROM order_lines WHERE product_id = $1',
      [productId],
    );
    expect(orders.rowCount).toBe(1);
    const stock = await primary.query<{ stock: number }>(
      'SELECT stock FROM products WHERE id = $1',
      [productId],
    );
    expect(stock.rows[0]?.stock).toBe(48);
  });

  it('lists an order placed while the replica is paused at once, while others still read the replica', async () => {
    const email = uniqueEmail('ryw');
    const shopper = new Shopper();
    await shopper.post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'Read Yourwrites',
    });
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    const probe = await productWithStock(1);
    const slug = (
      await primary.query<{ slug: string }>('SELECT slug FROM products WHERE id = $1', [probe])
    ).rows[0]?.slug;

    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      const placed = await checkout(shopper, randomUUID(), email);
      expect(placed.status).toBe(201);
      const mine = await shopper.get<{ items: Order[] }>('/api/orders');
      expect(mine.body.items.map((o) => o.id)).toContain(placed.body.order.id);
      const onReplica = await replica.query('SELECT 1 FROM orders WHERE id = $1', [
        placed.body.order.id,
      ]);
      expect(onReplica.rowCount).toBe(0);

      // An anonymous shopper reads the replica: a product renamed now still has its old name.
      await primary.query(`UPDATE products SET name = 'Renamed on the primary' WHERE id = $1`, [
        probe,
      ]);
      const anonymous = await new Shopper().get<{ name: string }>(`/api/products/${slug}`);
      expect(anonymous.body.name).toBe('Limited edition lamp');
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
  });

  it('moves a guest order into the account registered with its email in the same browser', async () => {
    const email = uniqueEmail('adopt');
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: productIds[0], quantity: 1 });
    const placed = await checkout(shopper, randomUUID(), email);
    await shopper.post('/api/auth/register', { email, password: 'long enough pw', name: 'Ad Opt' });
    const mine = await shopper.get<{ items: Order[] }>('/api/orders');
    expect(mine.body.items.map((o) => o.id)).toEqual([placed.body.order.id]);
  });

  it('turns one cart into one order when two tabs check out at once with different keys', async () => {
    const productId = await productWithStock(50);
    const tabs = new Shopper();
    await tabs.post('/api/cart/items', { productId, quantity: 2 });
    const replies = await Promise.all(Array.from({ length: 4 }, () => checkout(tabs)));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 201)) {
      expect(['CART_CHANGED', 'CART_EMPTY']).toContain(reply.body.error.code);
    }
    const stock = await primary.query<{ stock: number }>(
      'SELECT stock FROM products WHERE id = $1',
      [productId],
    );
    expect(stock.rows[0]?.stock).toBe(48);
  });

  it("turns one account's cart into one order when two of its sessions check out at once", async () => {
    const productId = await productWithStock(50);
    const email = uniqueEmail('two-sessions');
    const phone = new Shopper();
    await phone.post('/api/auth/register', {
      email,
      password: 'long enough pw',
      name: 'Two Devices',
    });
    await phone.post('/api/cart/items', { productId, quantity: 3 });
    const laptop = new Shopper();
    await laptop.post('/api/auth/login', { email, password: 'long enough pw' });
    const replies = await Promise.all([
      checkout(phone, randomUUID(), email),
      checkout(laptop, randomUUID(), email),
      checkout(phone, randomUUID(), email),
      checkout(laptop, randomUUID(), email),
    ]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const lines = await primary.query('SELECT 1 FROM order_lines WHERE product_id = $1', [
      productId,
    ]);
    expect(lines.rowCount).toBe(1);
  });

  it('places an order whose total passes 2^31 cents', async () => {
    const productId = await productWithStock(10);
    await primary.query('UPDATE products SET price_cents = 1999999999 WHERE id = $1', [productId]);
    await waitForReplicaPrice(productId, 1999999999);
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId, quantity: 3 });
    const placed = await checkout(shopper);
    expect(placed.status).toBe(201);
    expect(placed.body.order.totalCents).toBe(5999999997);
    const again = await shopper.get<{ order: Order }>(`/api/orders/${placed.body.order.id}`);
    expect(again.body.order.totalCents).toBe(5999999997);
  });
});
