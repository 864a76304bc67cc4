// Sends well over 500 malformed requests at every endpoint that takes input and checks that the
// API answers each with a clear 4xx (never a 5xx, never a stack trace) and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { fetch } from 'undici';
import { address, dispatcherFor, randomClientAddress, Shopper } from './shopper';
import { superuser } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);

interface Probe {
  cookie?: string;
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

// Bodies no endpoint accepts: broken JSON, wrong shapes, hostile keys, absurd sizes.
const brokenBodies = [
  '{',
  '{"a":',
  '}{',
  'null',
  '[]',
  '[1,2,3]',
  '"just a string"',
  '42',
  'true',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  JSON.stringify({ deep: JSON.parse('['.repeat(200) + ']'.repeat(200)) }),
  JSON.stringify({ s: 'x'.repeat(70_000) }),
  '\u0000\u0001\u0002',
  '{"email": "\ud800"}',
];

const badNumbers = [
  -1,
  0,
  100,
  1e9,
  -1e9,
  1.5,
  '1',
  '',
  null,
  true,
  [],
  {},
  'NaN',
  Number.MAX_SAFE_INTEGER + 2,
];
const badText = [
  '',
  ' ',
  'x'.repeat(10_000),
  123,
  null,
  [],
  {},
  true,
  '\u0000',
  'bell\u0007',
  'tab\there',
];
const badEmails = [...badText, 'a@', '@b', 'no-at-sign', 'two@@example.test'];
const badPasswords = ['', 'short', 'x'.repeat(129), 12345678, null, [], {}, true];
const badIds = [
  'x',
  '1',
  '00000000-0000-0000-0000-00000000000g',
  '..%2f..%2fx',
  '%00',
  'a'.repeat(300),
  '🛒',
];
const badKeys = [
  '',
  'short',
  ' '.repeat(20),
  'clé-clé-clé-clé',
  'a'.repeat(201),
  'with space inside key',
];

function probes(productId: string): Probe[] {
  const list: Probe[] = [];
  const json = (
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) =>
    list.push({
      method,
      path,
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const key = { 'idempotency-key': randomUUID() };

  for (const path of ['/api/auth/register', '/api/auth/login', '/api/cart/items', '/api/orders']) {
    for (const body of brokenBodies) json('POST', path, body, path === '/api/orders' ? key : {});
    list.push({
      method: 'POST',
      path,
      body: 'email=a@b.c&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    list.push({ method: 'POST', path, body: 'hello', headers: { 'content-type': 'text/plain' } });
    list.push({
      method: 'POST',
      path,
      body: '{}',
      headers: { 'content-type': 'application/json; charset=utf-16' },
    });
  }
  for (const value of badEmails) {
    json('POST', '/api/auth/register', { email: value, password: 'long enough pw', name: 'N' });
    json('POST', '/api/auth/login', { email: value, password: 'long enough pw' });
    json(
      'POST',
      '/api/orders',
      { email: value, shippingAddress: address },
      { 'idempotency-key': randomUUID() },
    );
  }
  for (const value of badText) {
    json('POST', '/api/auth/register', {
      email: 'ok@example.test',
      password: 'long enough pw',
      name: value,
    });
    json(
      'POST',
      '/api/orders',
      { email: 'a@example.test', shippingAddress: value },
      { 'idempotency-key': randomUUID() },
    );
  }
  for (const value of badPasswords) {
    json('POST', '/api/auth/register', { email: 'ok@example.test', password: value, name: 'N' });
  }
  for (const quantity of badNumbers) {
    json('POST', '/api/cart/items', { productId, quantity });
    json('PATCH', `/api/cart/items/${productId}`, {
      quantity: typeof quantity === 'number' && quantity === 0 ? -1 : quantity,
    });
  }
  for (const id of badIds) {
    json('POST', '/api/cart/items', { productId: id, quantity: 1 });
    json('PATCH', `/api/cart/items/${encodeURIComponent(id)}`, { quantity: 1 });
    list.push({ method: 'DELETE', path: `/api/cart/items/${encodeURIComponent(id)}` });
    list.push({ method: 'GET', path: `/api/orders/${encodeURIComponent(id)}` });
    list.push({ method: 'DELETE', path: `/api/account/addresses/${encodeURIComponent(id)}` });
    list.push({ method: 'GET', path: `/api/products/${encodeURIComponent(id)}` });
  }
  json('POST', '/api/cart/items', { productId: randomUUID(), quantity: 1 });
  json('POST', '/api/cart/items', { productId, quantity: 1, extra: 'x'.repeat(70_000) });
  for (const k of badKeys)
    json(
      'POST',
      '/api/orders',
      { email: 'a@example.test', shippingAddress: address },
      { 'idempotency-key': k },
    );
  json('POST', '/api/orders', { email: 'a@example.test', shippingAddress: address });
  for (const saveAddress of ['yes', 1, null, {}]) {
    json(
      'POST',
      '/api/orders',
      { email: 'a@example.test', shippingAddress: address, saveAddress },
      { 'idempotency-key': randomUUID() },
    );
  }
  const addressFields = Object.keys(address) as (keyof typeof address)[];
  for (const field of addressFields) {
    for (const value of badText) {
      json(
        'POST',
        '/api/orders',
        { email: 'a@example.test', shippingAddress: { ...address, [field]: value } },
        { 'idempotency-key': randomUUID() },
      );
    }
  }
  for (const query of [
    'page=-1',
    'page=1e9',
    'pageSize=0',
    'pageSize=101',
    'sort=%00',
    'category=%F0%9F%9B%92',
    'page=1&page=2',
    'pageSize=abc&page=xyz',
  ]) {
    list.push({ method: 'GET', path: `/api/products?${query}` });
  }
  return list;
}

const tables = ['users', 'orders', 'order_lines', 'idempotency_keys', 'outbox', 'saved_addresses'];
async function snapshot(): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await primary.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? '';
  }
  const { rows } = await primary.query<{ n: string }>('SELECT sum(stock)::text AS n FROM products');
  counts.stock = rows[0]?.n ?? '';
  return counts;
}

beforeAll(() => primary.connect());
afterAll(() => primary.end());

describe('fuzzing the shopping endpoints', () => {
  it('answers every malformed request with a 4xx and writes nothing', async () => {
    const { rows } = await primary.query<{ id: string }>(
      'SELECT id FROM products WHERE stock > 0 LIMIT 1',
    );
    const productId = rows[0]?.id ?? '';
    // A shopper with a real cart, so checkout failures are about the input, not an empty cart.
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId, quantity: 1 });
    const cookie = `shop_sid=${shopper.cookies.get('shop_sid') ?? ''}`;

    // Every probe twice: with the shopper's real session, and with a forged session cookie.
    const all = [
      ...probes(productId).map((p) => ({ ...p, cookie })),
      ...probes(productId).map((p) => ({ ...p, cookie: 'shop_sid=forged-session-id.not-signed' })),
    ];
    expect(all.length).toBeGreaterThanOrEqual(500);
    process.stderr.write(`fuzz: ${all.length} malformed requests\n`);
    const before = await snapshot();
    const failures: string[] = [];
    let answered = 0;
    const queue = [...all];
    // Probes come from many addresses, as from many clients: the point is validation, not the
    // per-address flood limits (the edge's and the API's), which have tests of their own.
    const clients = Array.from({ length: 64 }, () => dispatcherFor(randomClientAddress()));
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let probe = queue.shift(); probe; probe = queue.shift()) {
          const send = () =>
            fetch(`${env.PUBLIC_URL}${probe.path}`, {
              method: probe.method,
              headers: { cookie: probe.cookie ?? '', ...probe.headers },
              body: probe.body,
              dispatcher: clients[answered % clients.length],
            }).catch((error: unknown) => ({
              status: 0,
              text: async () => String(error),
              headers: new Headers(),
            }));
          // Sign-ins have few slots (password hashing): a probe the shop answers "busy, retry
          // after" is sent again, as a client would; overload has tests of its own.
          let response = await send();
          for (let retry = 0; response.status === 503 && retry < 5; retry++) {
            await response.text();
            const after = Number(response.headers.get('retry-after') ?? 1);
            await new Promise((resolve) => setTimeout(resolve, Math.min(after, 2) * 1000));
            response = await send();
          }
          const text = await response.text();
          answered++;
          const json = (response.headers.get('content-type') ?? '').includes('application/json');
          if (
            response.status < 400 ||
            response.status >= 500 ||
            !json ||
            /\bat .+:\d+:\d+/.test(text)
          ) {
            failures.push(
              `${probe.method} ${probe.path} ${probe.body?.slice(0, 80) ?? ''} → ${response.status} ${text.slice(0, 120)}`,
            );
          }
        }
      }),
    );
    expect(answered).toBe(all.length);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
    const cart = await shopper.get<{ items: { quantity: number }[] }>('/api/cart');
    expect(cart.body.items).toMatchObject([{ quantity: 1 }]);
  });
});
