import { randomUUID } from 'node:crypto';
import type { Cart, ErrorBody, Order } from '@shop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { address, Shopper } from './shopper';
import { superuser, waitUntil } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);
const replica = superuser(env.PG_REPLICA_PORT);
const madeProducts: string[] = [];

async function replicaStockIs(productId: string, stock: number): Promise<boolean> {
  const { rows } = await replica.query<{ stock: number }>(
    'SELECT stock FROM products WHERE id = $1',
    [productId],
  );
  return rows[0]?.stock === stock;
}

/** A product of its own with the given stock, on the replica too; removed afterwards. */
async function productWithStock(stock: number): Promise<string> {
  const { rows } = await primary.query<{ id: string }>(
    `INSERT INTO products (id, slug, name, description, price_cents, currency, stock, category_id, updated_at)
     SELECT gen_random_uuid(), $1, 'Hand-thrown vase', 'A short run.', 3200, 'USD', $2, id, now()
     FROM categories ORDER BY position LIMIT 1 RETURNING id`,
    [`short-run-${randomUUID().slice(0, 8)}`, stock],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no product made');
  madeProducts.push(id);
  await waitUntil(() => replicaStockIs(id, stock), 2_000);
  return id;
}

/** Stock sold elsewhere (another shopper's order, a write-off) after this cart was filled. */
async function stockFallsTo(productId: string, stock: number): Promise<void> {
  await primary.query('UPDATE products SET stock = $2 WHERE id = $1', [productId, stock]);
  await waitUntil(() => replicaStockIs(productId, stock), 2_000);
}

const placeOrder = (shopper: Shopper) =>
  shopper.post<{ order: Order } & ErrorBody>(
    '/api/orders',
    { email: 'vase@example.test', shippingAddress: address },
    { 'idempotency-key': randomUUID() },
  );

beforeAll(async () => {
  await Promise.all([primary.connect(), replica.connect()]);
});

afterAll(async () => {
  await primary.query('DELETE FROM order_lines WHERE product_id = ANY($1)', [madeProducts]);
  await primary.query('DELETE FROM products WHERE id = ANY($1)', [madeProducts]);
  await Promise.all([primary.end(), replica.end()]);
});

describe('a cart capped at the stock', () => {
  it('tells each line how many are in stock', async () => {
    const vase = await productWithStock(4);
    const shopper = new Shopper();
    const added = await shopper.post<Cart>('/api/cart/items', { productId: vase, quantity: 2 });
    expect(added.status).toBe(200);
    expect(added.body.items).toMatchObject([{ productId: vase, quantity: 2, stock: 4 }]);
    expect((await shopper.get<Cart>('/api/cart')).body.items).toMatchObject([{ stock: 4 }]);
  });

  it('refuses setting a line past the stock, naming the field and how many are left, and changes nothing', async () => {
    const vase = await productWithStock(3);
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: vase, quantity: 2 });

    const set = await shopper.call<ErrorBody>('PATCH', `/api/cart/items/${vase}`, {
      quantity: 4,
    });
    expect(set.status).toBe(409);
    expect(set.body.error).toMatchObject({
      code: 'OUT_OF_STOCK',
      message: 'Only 3 left',
      details: {
        fields: [{ field: 'quantity', message: 'Only 3 left' }],
        lines: [{ productId: vase, requested: 4, available: 3, inCart: 2 }],
      },
    });

    const add = await shopper.post<ErrorBody>('/api/cart/items', { productId: vase, quantity: 2 });
    expect(add.status).toBe(409);
    expect(add.body.error.details).toMatchObject({
      lines: [{ requested: 4, available: 3, inCart: 2 }],
    });

    expect((await shopper.get<Cart>('/api/cart')).body).toMatchObject({
      items: [{ productId: vase, quantity: 2, stock: 3 }],
      totalCents: 6400,
    });
    // Up to the stock is fine.
    const most = await shopper.call<Cart>('PATCH', `/api/cart/items/${vase}`, { quantity: 3 });
    expect(most.status).toBe(200);
    expect(most.body.items).toMatchObject([{ quantity: 3 }]);
  });

  it('shows a stock that fell below a line; checkout names the line until it is set to what is left', async () => {
    const vase = await productWithStock(5);
    const shopper = new Shopper();
    await shopper.post('/api/cart/items', { productId: vase, quantity: 4 });
    await stockFallsTo(vase, 2);

    expect((await shopper.get<Cart>('/api/cart')).body.items).toMatchObject([
      { productId: vase, quantity: 4, stock: 2 },
    ]);
    const refused = await placeOrder(shopper);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'OUT_OF_STOCK',
      details: { lines: [{ productId: vase, requested: 4, available: 2 }] },
    });
    const { rows } = await primary.query<{ stock: number }>(
      'SELECT stock FROM products WHERE id = $1',
      [vase],
    );
    expect(rows[0]?.stock).toBe(2);

    const set = await shopper.call<Cart>('PATCH', `/api/cart/items/${vase}`, { quantity: 2 });
    expect(set.status).toBe(200);
    const placed = await placeOrder(shopper);
    expect(placed.status).toBe(201);
    expect(placed.body.order.items).toMatchObject([{ productId: vase, quantity: 2 }]);
  });
});
