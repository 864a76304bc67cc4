// Checkout that remembers: the region an address needs, and the account's address book that
// orders fill (GET /api/account/addresses, DELETE /api/account/addresses/{id}).
import { randomUUID } from 'node:crypto';
import type { ErrorBody, Order, SavedAddress } from '@shop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { address, Shopper, uniqueEmail } from './shopper';
import { superuser } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);
let productId = '';

type OrderReply = { order: Order } & ErrorBody;

const order = (
  shopper: Shopper,
  shippingAddress: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  key = randomUUID(),
) =>
  shopper.post<OrderReply>(
    '/api/orders',
    { email: 'book@example.test', shippingAddress, ...extra },
    { 'idempotency-key': key },
  );

/** A shopper with one product in the cart: a new account's, or a guest's. */
async function withCart(signedIn: boolean): Promise<Shopper> {
  const shopper = new Shopper();
  if (signedIn) {
    const reply = await shopper.post('/api/auth/register', {
      email: uniqueEmail('book'),
      password: 'long enough pw',
      name: 'Bo Okkeeper',
    });
    expect(reply.status).toBe(201);
  }
  await fillCart(shopper);
  return shopper;
}

async function fillCart(shopper: Shopper): Promise<void> {
  const added = await shopper.post('/api/cart/items', { productId, quantity: 1 });
  expect(added.status).toBe(200);
}

const book = (shopper: Shopper) =>
  shopper.get<{ items: SavedAddress[] } & ErrorBody>('/api/account/addresses');

const remove = (shopper: Shopper, id: string) =>
  shopper.call<ErrorBody | undefined>('DELETE', `/api/account/addresses/${id}`);

async function userIdOf(shopper: Shopper): Promise<string> {
  const me = await shopper.get<{ user: { id: string } }>('/api/me');
  return me.body.user.id;
}

const london = {
  name: 'Sam Shopper',
  line1: '10 Downing Street',
  city: 'London',
  postalCode: 'SW1A 2AA',
  country: 'GB',
};

beforeAll(async () => {
  await primary.connect();
  const { rows } = await primary.query<{ id: string }>(
    'SELECT id FROM products WHERE stock >= 100 ORDER BY slug DESC LIMIT 1',
  );
  productId = rows[0]?.id ?? '';
});

afterAll(async () => {
  await primary.end();
});

describe('the region of a shipping address', () => {
  it('refuses a US address without its state with a 400 naming shippingAddress.region, placing nothing', async () => {
    const guest = await withCart(false);
    for (const shippingAddress of [
      { ...address, region: undefined },
      { ...address, region: '  ' },
    ]) {
      const reply = await order(guest, shippingAddress);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('VALIDATION_FAILED');
      expect(reply.body.error.message).toContain('shippingAddress.region');
      expect(reply.body.error.details).toEqual({
        fields: [{ field: 'shippingAddress.region', message: expect.stringMatching(/state/) }],
      });
    }
    const cart = await guest.get<{ items: unknown[] }>('/api/cart');
    expect(cart.body.items).toHaveLength(1);
  });

  it('names a missing region together with the other wrong fields', async () => {
    const guest = await withCart(false);
    const reply = await order(guest, { ...address, region: undefined, city: '', country: 'ca' });
    expect(reply.status).toBe(400);
    const fields = (reply.body.error.details as { fields: { field: string }[] }).fields;
    expect(fields.map((f) => f.field).toSorted()).toEqual([
      'shippingAddress.city',
      'shippingAddress.region',
    ]);
  });

  it('refuses a region past 120 characters, naming it', async () => {
    const guest = await withCart(false);
    const reply = await order(guest, { ...address, region: 'x'.repeat(121) });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('shippingAddress.region');
  });

  it('stores the region with the order and returns it, and null where the country has none', async () => {
    const guest = await withCart(false);
    const placed = await order(guest, { ...address, region: ' IL ' });
    expect(placed.status).toBe(201);
    expect(placed.body.order.shippingAddress).toMatchObject({ region: 'IL', country: 'US' });
    const read = await guest.get<OrderReply>(`/api/orders/${placed.body.order.id}`);
    expect(read.body.order.shippingAddress.region).toBe('IL');
    const { rows } = await primary.query<{ ship_region: string | null }>(
      'SELECT ship_region FROM orders WHERE id = $1',
      [placed.body.order.id],
    );
    expect(rows[0]?.ship_region).toBe('IL');

    await fillCart(guest);
    const british = await order(guest, london);
    expect(british.status).toBe(201);
    expect(british.body.order.shippingAddress.region).toBeNull();
  });
});

describe('the address book', () => {
  it('saves a signed-in shopper’s address once, however often they order to it', async () => {
    const shopper = await withCart(true);
    const key = randomUUID();
    const first = await order(shopper, address, {}, key);
    expect(first.status).toBe(201);
    const saved = await book(shopper);
    expect(saved.status).toBe(200);
    expect(saved.body.items).toEqual([
      {
        id: expect.any(String),
        name: address.name,
        line1: address.line1,
        city: address.city,
        region: 'IL',
        postalCode: address.postalCode,
        country: 'US',
        lastUsedAt: expect.any(String),
      },
    ]);
    const [entry] = saved.body.items;

    // The same request again is the same order: nothing changes in the book.
    const replay = await order(shopper, address, {}, key);
    expect(replay.status).toBe(200);
    expect((await book(shopper)).body.items).toEqual(saved.body.items);

    // The same address typed otherwise (case, spaces) is marked used now, not added.
    await fillCart(shopper);
    const again = await order(shopper, {
      ...address,
      name: address.name.toUpperCase(),
      line1: ` ${address.line1.replace(' ', '   ')}`,
      region: 'il',
    });
    expect(again.status).toBe(201);
    const after = (await book(shopper)).body.items;
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(entry?.id);
    expect(Date.parse(after[0]?.lastUsedAt ?? '')).toBeGreaterThan(
      Date.parse(entry?.lastUsedAt ?? ''),
    );
    const { rows } = await primary.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM saved_addresses WHERE user_id = $1',
      [await userIdOf(shopper)],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('saves nothing when the order says saveAddress: false, nor for a guest', async () => {
    const shopper = await withCart(true);
    const placed = await order(shopper, address, { saveAddress: false });
    expect(placed.status).toBe(201);
    expect((await book(shopper)).body.items).toEqual([]);

    const guest = await withCart(false);
    expect((await order(guest, address)).status).toBe(201);
    expect((await book(guest)).status).toBe(401);
  });

  it('refuses a saveAddress that is not true or false, naming it', async () => {
    const shopper = await withCart(true);
    const reply = await order(shopper, address, { saveAddress: 'yes' });
    expect(reply.status).toBe(400);
    expect(reply.body.error.message).toContain('saveAddress');
  });

  it('lists the addresses last used first and removes one', async () => {
    const shopper = await withCart(true);
    expect((await order(shopper, address)).status).toBe(201);
    await fillCart(shopper);
    expect((await order(shopper, london)).status).toBe(201);
    const listed = (await book(shopper)).body.items;
    expect(listed.map((a) => a.city)).toEqual(['London', 'Springfield']);
    expect(listed[0]?.region).toBeNull();

    const [latest] = listed;
    const removed = await remove(shopper, latest?.id ?? '');
    expect(removed.status).toBe(204);
    expect((await book(shopper)).body.items.map((a) => a.city)).toEqual(['Springfield']);
    const twice = await remove(shopper, latest?.id ?? '');
    expect(twice.status).toBe(404);
    expect(twice.body?.error.code).toBe('ADDRESS_NOT_FOUND');
  });

  it('keeps the 10 most recently used addresses', async () => {
    const shopper = await withCart(true);
    const userId = await userIdOf(shopper);
    // Ten older addresses, the first the least recently used.
    for (let n = 0; n < 10; n++) {
      await primary.query(
        `INSERT INTO saved_addresses (id, user_id, fingerprint, name, line1, city, postal_code, country, last_used_at)
         VALUES (gen_random_uuid(), $1, $2, 'Old', $3, 'Oldtown', '00000', 'DE', now() - make_interval(days => $4))`,
        [userId, `old-${n}`.padEnd(64, '0'), `${n} Old Road`, 20 - n],
      );
    }
    expect((await order(shopper, london)).status).toBe(201);
    const listed = (await book(shopper)).body.items;
    expect(listed).toHaveLength(10);
    expect(listed[0]?.city).toBe('London');
    expect(listed.map((a) => a.line1)).not.toContain('0 Old Road');
    expect(listed.at(-1)?.line1).toBe('1 Old Road');
  });

  it('answers 401 to a guest', async () => {
    const guest = new Shopper();
    const listed = await book(guest);
    expect(listed.status).toBe(401);
    expect(listed.body.error.code).toBe('UNAUTHENTICATED');
    const removed = await remove(guest, randomUUID());
    expect(removed.status).toBe(401);
  });

  it('answers 404 for another shopper’s address and leaves it in place', async () => {
    const owner = await withCart(true);
    expect((await order(owner, address)).status).toBe(201);
    const [mine] = (await book(owner)).body.items;
    const other = await withCart(true);
    const reply = await remove(other, mine?.id ?? '');
    expect(reply.status).toBe(404);
    expect(reply.body?.error).toMatchObject({
      code: 'ADDRESS_NOT_FOUND',
      details: { field: 'id' },
    });
    expect((await book(owner)).body.items.map((a) => a.id)).toEqual([mine?.id]);
  });

  it('answers 400 naming the id when it is not a UUID', async () => {
    const shopper = await withCart(true);
    const reply = await remove(shopper, 'not-an-id');
    expect(reply.status).toBe(400);
    expect(reply.body?.error.code).toBe('VALIDATION_FAILED');
    expect(reply.body?.error.details).toEqual({
      fields: [{ field: 'id', message: 'must be an address id' }],
    });
  });

  it('places the order even when the address book cannot take its address', async () => {
    const shopper = await withCart(true);
    const refusing = `refuse_${randomUUID().slice(0, 8)}`;
    await primary.query(`
      CREATE FUNCTION ${refusing}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'Refused Recipient' THEN RAISE EXCEPTION 'address book unavailable'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ${refusing} BEFORE INSERT ON saved_addresses
        FOR EACH ROW EXECUTE FUNCTION ${refusing}();`);
    try {
      const placed = await order(shopper, { ...address, name: 'Refused Recipient' });
      expect(placed.status).toBe(201);
      const orders = await shopper.get<{ items: Order[] }>('/api/orders');
      expect(orders.body.items.map((o) => o.id)).toEqual([placed.body.order.id]);
      expect((await book(shopper)).body.items).toEqual([]);
    } finally {
      await primary.query(
        `DROP TRIGGER ${refusing} ON saved_addresses; DROP FUNCTION ${refusing}();`,
      );
    }
  });
});
