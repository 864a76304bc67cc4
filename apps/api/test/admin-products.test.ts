import { randomUUID } from 'node:crypto';
import type { AdminProduct, AuditEntry, ErrorBody, Product } from '@shop/domain';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, CUSTOMER, Shopper, signedIn } from './shopper';
import { waitUntil } from './stack';

// The catalog's admin API through the edge, as the admin pages use it: the seeded admin signs in,
// uploads a picture (POST /img), creates and edits products; customers and guests are refused.

const PRODUCTS = '/api/admin/products';

type Envelope = { product: AdminProduct };

/** A picture of its own (a random colour), uploaded through the edge; its hash. */
async function upload(admin: Shopper): Promise<string> {
  const colour = `#${randomUUID().slice(0, 6)}`;
  const bytes = await sharp({
    create: { width: 640, height: 480, channels: 3, background: colour },
  })
    .png()
    .toBuffer();
  const reply = await admin.call<{ hash: string }>('POST', '/img', bytes, {
    'content-type': 'image/png',
  });
  expect([200, 201]).toContain(reply.status);
  return reply.body.hash;
}

let admin: Shopper;
let customer: Shopper;
let picture: string;
const made: string[] = [];

async function create(overrides: Record<string, unknown> = {}): Promise<AdminProduct> {
  const reply = await admin.post<Envelope>(PRODUCTS, {
    name: `Test Oak Desk ${randomUUID().slice(0, 6)}`,
    description: 'Solid oak.\nMade to last.',
    priceCents: 12_900,
    stock: 5,
    categorySlug: 'home-decor',
    images: [{ hash: picture, alt: 'An oak desk' }],
    ...overrides,
  });
  expect(reply.status).toBe(201);
  made.push(reply.body.product.id);
  return reply.body.product;
}

const fieldsOf = (body: ErrorBody) =>
  ((body.error.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map(
    (f) => f.field,
  );

beforeAll(async () => {
  admin = await signedIn(ADMIN);
  customer = await signedIn(CUSTOMER);
  picture = await upload(admin);
});

afterAll(async () => {
  // Products made here stay out of stock, so no other test or shopper buys them.
  for (const id of made) {
    const { body } = await admin.get<Envelope>(`${PRODUCTS}/${id}`);
    if (body.product.stock > 0) {
      await admin.post(`${PRODUCTS}/${id}/stock`, {
        delta: -body.product.stock,
        reason: 'test over',
      });
    }
  }
});

describe('admin product API', () => {
  it('refuses every route to guests (401) and customers (403), whatever the body claims', async () => {
    const id = randomUUID();
    const routes = [
      ['GET', PRODUCTS, undefined],
      ['POST', PRODUCTS, { name: 'x', role: 'admin' }],
      ['GET', `${PRODUCTS}/${id}`, undefined],
      ['PATCH', `${PRODUCTS}/${id}`, { version: 1, priceCents: 1 }],
      ['POST', `${PRODUCTS}/${id}/stock`, { delta: 1, reason: 'x' }],
      ['GET', `${PRODUCTS}/${id}/audit`, undefined],
    ] as const;
    for (const [who, shopper, status] of [
      ['guest', new Shopper(), 401],
      ['customer', customer, 403],
    ] as const) {
      for (const [method, path, body] of routes) {
        const reply = await shopper.call<ErrorBody>(method, path, body);
        expect([who, method, path, reply.status]).toEqual([who, method, path, status]);
      }
    }
    // A forged session cookie is no session at all.
    const forged = new Shopper();
    forged.cookies.set('shop_sid', `${randomUUID()}.forged-signature`);
    expect((await forged.get(PRODUCTS)).status).toBe(401);
  });

  it('creates a product with an uploaded picture, edits its price and stock, and shoppers see each change', async () => {
    const product = await create();
    expect(product).toMatchObject({ version: 1, stock: 5, priceCents: 12_900 });
    expect(product.slug).toMatch(/^test-oak-desk-[a-z0-9]+-\d+$/);
    expect(product.images).toEqual([
      { hash: picture, alt: 'An oak desk', width: 640, height: 480 },
    ]);

    const edited = await admin.call<Envelope>('PATCH', `${PRODUCTS}/${product.id}`, {
      version: 1,
      priceCents: 9_900,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.product).toMatchObject({ version: 2, priceCents: 9_900 });

    // The admin reads their own write at once (from the primary); a shopper soon after.
    const own = await admin.get<Product>(`/api/products/${product.slug}`);
    expect(own.body.priceCents).toBe(9_900);
    const shopper = new Shopper();
    await waitUntil(
      async () =>
        (await shopper.get<Product>(`/api/products/${product.slug}`)).body.priceCents === 9_900,
      5_000,
      50,
    );

    const restocked = await admin.post<Envelope>(`${PRODUCTS}/${product.id}/stock`, {
      delta: 7,
      reason: 'delivery',
    });
    expect(restocked.body.product).toMatchObject({ stock: 12, version: 3 });

    const audit = await admin.get<{ items: AuditEntry[] }>(`${PRODUCTS}/${product.id}/audit`);
    expect(audit.body.items.map((e) => [e.action, e.actor, e.before, e.after])).toEqual([
      ['stock', ADMIN.email, { stock: 5 }, { stock: 12, reason: 'delivery' }],
      ['update', ADMIN.email, { priceCents: 12_900 }, { priceCents: 9_900 }],
      ['create', ADMIN.email, null, expect.objectContaining({ priceCents: 12_900, stock: 5 })],
    ]);

    const listed = await admin.get<{ items: { id: string }[] }>(
      `${PRODUCTS}?q=${encodeURIComponent(product.name)}`,
    );
    expect(listed.body.items.map((item) => item.id)).toEqual([product.id]);
  });

  it('keeps each department’s product count exact as products are created and moved, without counting per request', async () => {
    const counts = async () => {
      const reply = await admin.get<{ slug: string; productCount: number }[]>('/api/categories');
      return new Map(reply.body.map((c) => [c.slug, c.productCount]));
    };
    const total = async (category: string) =>
      (await admin.get<{ total: number }>(`/api/products?category=${category}&pageSize=1`)).body
        .total;
    const before = await counts();
    const product = await create({ categorySlug: 'home-decor' });
    const created = await counts();
    expect(created.get('home-decor')).toBe((before.get('home-decor') ?? 0) + 1);
    expect(await total('home-decor')).toBe(created.get('home-decor'));

    const moved = await admin.call<Envelope>('PATCH', `${PRODUCTS}/${product.id}`, {
      version: 1,
      categorySlug: 'electronics',
    });
    expect(moved.status).toBe(200);
    const after = await counts();
    expect(after.get('home-decor')).toBe(before.get('home-decor'));
    expect(after.get('electronics')).toBe((before.get('electronics') ?? 0) + 1);
    const all = (await admin.get<{ total: number }>('/api/products?pageSize=1')).body.total;
    expect(all).toBe([...after.values()].reduce((sum, n) => sum + n, 0));
  });

  it('shows each product’s first picture and its size on its listing card as pictures are added, reordered and removed', async () => {
    const second = await upload(admin);
    const product = await create({ categorySlug: 'home-decor', images: [] });
    const card = async () => {
      const reply = await admin.get<{ items: { id: string; image: unknown }[] }>(
        '/api/products?category=home-decor&sort=newest&pageSize=24',
      );
      return reply.body.items.find((item) => item.id === product.id)?.image;
    };
    expect(await card()).toBeNull();

    const edit = async (version: number, images: { hash: string; alt: string }[]) =>
      expect(
        (await admin.call('PATCH', `${PRODUCTS}/${product.id}`, { version, images })).status,
      ).toBe(200);
    await edit(1, [
      { hash: picture, alt: 'Front' },
      { hash: second, alt: 'Back' },
    ]);
    // Both pictures are 640 × 480 originals (upload above).
    expect(await card()).toEqual({ hash: picture, alt: 'Front', width: 640, height: 480 });
    await edit(2, [
      { hash: second, alt: 'Back, now first' },
      { hash: picture, alt: 'Front' },
    ]);
    expect(await card()).toEqual({
      hash: second,
      alt: 'Back, now first',
      width: 640,
      height: 480,
    });
    await edit(3, []);
    expect(await card()).toBeNull();
  });

  it('detects two admins editing one version: one edit wins, the other gets 409 naming the version', async () => {
    const product = await create();
    const path = `${PRODUCTS}/${product.id}`;
    const replies = await Promise.all(
      [8_800, 7_700].map((priceCents) =>
        admin.call<Envelope | ErrorBody>('PATCH', path, { version: 1, priceCents }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = replies.find((r) => r.status === 409)?.body as ErrorBody;
    expect(lost.error.code).toBe('VERSION_CONFLICT');
    expect(lost.error.details).toEqual({ field: 'version', currentVersion: 2 });
    const won = replies.find((r) => r.status === 200)?.body as Envelope;
    expect((await admin.get<Envelope>(path)).body.product.priceCents).toBe(won.product.priceCents);
  });

  it('answers bad input 400 naming the field, and changes nothing', async () => {
    const product = await create();
    const path = `${PRODUCTS}/${product.id}`;
    const cases: [unknown, string][] = [
      [{ version: 1, priceCents: -5 }, 'priceCents'],
      [{ version: 1, priceCents: 12.5 }, 'priceCents'],
      [{ version: 1, stock: -1 }, 'stock'],
      [{ version: 1, categorySlug: 'no-such-department' }, 'categorySlug'],
      [{ version: 1, description: 'x'.repeat(10 * 1024 * 1024) }, 'description'],
      [{ version: 1, name: '' }, 'name'],
      [{ version: 1, role: 'admin' }, 'role'],
      [{ version: 1, images: [{ hash: 'f'.repeat(64), alt: 'nothing' }] }, 'images.0.hash'],
      [{ version: 1, images: [{ hash: picture, alt: '' }] }, 'images.0.alt'],
      [{ priceCents: 100 }, 'version'],
      [{ version: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const reply = await admin.call<ErrorBody>('PATCH', path, body);
      expect([field, reply.status, reply.body.error.code]).toEqual([
        field,
        400,
        'VALIDATION_FAILED',
      ]);
      expect(fieldsOf(reply.body)).toContain(field);
    }
    const missing = await admin.post<ErrorBody>(PRODUCTS, { name: 'No price' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(
      expect.arrayContaining(['description', 'priceCents', 'stock', 'categorySlug', 'images']),
    );
    const stock = await admin.post<ErrorBody>(`${path}/stock`, { delta: -6, reason: 'lost' });
    expect([stock.status, fieldsOf(stock.body)]).toEqual([400, ['delta']]);
    const unknown = await admin.call<ErrorBody>('PATCH', `${PRODUCTS}/${randomUUID()}`, {
      version: 1,
      priceCents: 100,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);

    const after = (await admin.get<Envelope>(path)).body.product;
    expect(after).toEqual(product);
    const audit = await admin.get<{ items: AuditEntry[] }>(`${path}/audit`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['create']);
  });
});
