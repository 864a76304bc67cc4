// The abuse limits, attacked the way an attacker would: bursts, forged addresses, many addresses
// against one account, one address against many. Each client is a loopback address of its own.
import type { ErrorBody } from '@shop/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { address, randomClientAddress, Shopper, uniqueEmail } from './shopper';
import { superuser, waitUntil } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);
const replica = superuser(env.PG_REPLICA_PORT);
const PASSWORD = 'right password 2026';
let productId = '';

async function account(label: string): Promise<string> {
  const email = uniqueEmail(label);
  const reply = await new Shopper().post('/api/auth/register', {
    email,
    password: PASSWORD,
    name: 'Li Mits',
  });
  expect(reply.status).toBe(201);
  return email;
}

const login = (from: string, email: string, password: string) =>
  new Shopper(from).post<ErrorBody>('/api/auth/login', { email, password });

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

beforeAll(async () => {
  await Promise.all([primary.connect(), replica.connect()]);
  // Orders from these tests must not sell a product out for the others: one of plenty.
  const { rows } = await primary.query<{ id: string }>(
    'UPDATE products SET stock = stock + 1000 WHERE id = (SELECT id FROM products ORDER BY stock DESC LIMIT 1) RETURNING id',
  );
  productId = rows[0]?.id ?? '';
  await waitUntil(async () => {
    const seen = await replica.query('SELECT 1 FROM products WHERE id = $1 AND stock >= 1000', [
      productId,
    ]);
    return seen.rowCount === 1;
  }, 5_000);
});

afterAll(() => Promise.all([primary.end(), replica.end()]));

describe('sign-in limits', () => {
  it('checks no more passwords than the limit when a burst of wrong ones arrives at once', async () => {
    const email = await account('burst');
    const from = randomClientAddress();
    const replies = await Promise.all(
      Array.from({ length: 15 }, (_, i) => login(from, email, `wrong guess ${i}`)),
    );
    const statuses = replies.map((r) => r.status);
    expect(count(statuses, 401)).toBe(5);
    expect(count(statuses, 429)).toBe(10);
    for (const reply of replies.filter((r) => r.status === 429)) {
      expect(reply.body.error.code).toBe('RATE_LIMITED');
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('counts failures per address atomically across accounts, even in concurrent waves', async () => {
    const from = randomClientAddress();
    const statuses: number[] = [];
    // Waves of 7: the third crosses the limit of 20 while its guesses are in flight together.
    for (let wave = 0; wave < 4; wave++) {
      const replies = await Promise.all(
        Array.from({ length: 7 }, (_, i) => login(from, uniqueEmail(`spray${wave}-${i}`), 'guess')),
      );
      statuses.push(...replies.map((r) => r.status));
    }
    expect(count(statuses, 401)).toBe(20);
    expect(count(statuses, 429)).toBe(8);
  });

  it('ignores a claimed X-Forwarded-For: changing it does not escape the per-address limit', async () => {
    const from = randomClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const reply = await new Shopper(from).post(
        '/api/auth/login',
        { email: uniqueEmail(`forged${i}`), password: 'guess' },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(reply.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('lets the owner sign in from their own address while someone else guesses from another', async () => {
    const email = await account('owner');
    const attacker = randomClientAddress();
    for (let i = 0; i < 8; i++) await login(attacker, email, `guess ${i}`);
    expect((await login(attacker, email, PASSWORD)).status).toBe(429);
    expect((await login(randomClientAddress(), email, PASSWORD)).status).toBe(200);
  });

  it('holds back unknown addresses after many failures from many places, but never the owner', async () => {
    const email = await account('ceiling');
    const home = randomClientAddress();
    expect((await login(home, email, PASSWORD)).status).toBe(200);
    // 11 places × 5 guesses passes the account-wide ceiling of 50 failures an hour.
    const statuses: number[] = [];
    for (let place = 0; place < 11; place++) {
      const from = randomClientAddress();
      for (let i = 0; i < 5; i++) statuses.push((await login(from, email, `guess ${i}`)).status);
    }
    expect(count(statuses, 401)).toBe(50);
    expect(count(statuses, 429)).toBe(5);
    const stranger = await login(randomClientAddress(), email, PASSWORD);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThanOrEqual(3600 - 5);
    expect((await login(home, email, PASSWORD)).status).toBe(200);
  });
});

describe('registration limit', () => {
  it('answers at most 10 registrations an hour per address, EMAIL_TAKEN ones included', async () => {
    const from = randomClientAddress();
    const taken = await account('taken');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const email = i % 2 === 0 ? taken : uniqueEmail(`signup${i}`);
      const reply = await new Shopper(from).post('/api/auth/register', {
        email,
        password: PASSWORD,
        name: 'Sign Up',
      });
      statuses.push(reply.status);
    }
    expect(count(statuses, 409) + count(statuses, 201)).toBe(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('order limits', () => {
  const order = (shopper: Shopper) =>
    shopper.post<ErrorBody>(
      '/api/orders',
      { email: 'limits@example.test', shippingAddress: address },
      { 'idempotency-key': randomUUID() },
    );

  /** Places an order, waiting out the edge's flood limit (it allows a couple a second). */
  async function orderPatiently(shopper: Shopper) {
    for (;;) {
      const reply = await order(shopper);
      if (reply.status !== 429 || reply.headers.get('x-served-by')) return reply;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  it('lets one shopper place 5 orders in 10 minutes, then answers 429 with Retry-After', async () => {
    const shopper = new Shopper();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      await shopper.post('/api/cart/items', { productId, quantity: 1 });
      statuses.push((await orderPatiently(shopper)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    // The refused checkout placed nothing: the cart is still there.
    expect((await shopper.get<{ items: unknown[] }>('/api/cart')).body.items).toHaveLength(1);
  });

  it('lets one address place its orders for the hour across sessions, then answers 429', async () => {
    const limit = env.CHECKOUTS_PER_ADDRESS;
    const from = randomClientAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const shopper = new Shopper(from);
      await shopper.post('/api/cart/items', { productId, quantity: 1 });
      const reply = await orderPatiently(shopper);
      statuses.push(reply.status);
      if (reply.status === 429) expect(reply.body.error.code).toBe('RATE_LIMITED');
    }
    expect(count(statuses, 201)).toBe(limit);
    expect(statuses.at(-1)).toBe(429);
  });

  it('does not count a checkout that placed no order', async () => {
    const shopper = new Shopper();
    for (let i = 0; i < 6; i++) {
      expect((await orderPatiently(shopper)).body.error.code).toBe('CART_EMPTY');
    }
    await shopper.post('/api/cart/items', { productId, quantity: 1 });
    expect((await orderPatiently(shopper)).status).toBe(201);
  });
});
