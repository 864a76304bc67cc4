import { createHash, randomUUID } from 'node:crypto';
import { Prisma, type Db } from '@shop/db';
import { SHIPPING_CENTS, type Order, type PlaceOrderBody } from '@shop/domain';
import { AppError } from '@shop/http';
import type { CatalogChange } from '../cache/catalog-cache';
import { orderInclude, toOrder } from '../orders/to-order';

const KEY_LIFETIME_MS = 48 * 3600 * 1000;

export interface PlaceOrderInput {
  idempotencyKey: string;
  body: PlaceOrderBody;
  /** Who is buying: the signed-in user, or the guest session's cart. */
  userId: string | undefined;
  cartId: string;
  lines: Map<string, number>;
}

// A type alias (not an interface) so it fits Prisma's JSON input for the outbox payload.
type OrderLine = {
  productId: string;
  name: string;
  priceCents: number;
  quantity: number;
};

export interface PlacedOrder {
  order: Order;
  /** false when the key had already placed this order: the first result, returned again. */
  created: boolean;
  /**
   * What the caches must drop once a new order committed: the products sold (their stock), and
   * the listings of categories where one sold out.
   */
  change?: CatalogChange;
}

/** Thrown inside the transaction to roll it back when the key was used before. */
class KeyAlreadyUsed extends Error {}

function requestHash(input: Pick<PlaceOrderInput, 'body' | 'userId' | 'cartId'>): string {
  return createHash('sha256')
    .update(JSON.stringify([input.userId ?? null, input.cartId, input.body]))
    .digest('hex');
}

/**
 * Places the cart as an order in one transaction on the primary: claims the idempotency key,
 * writes the order and its lines at today's prices and an outbox event, then decrements stock
 * with conditional updates in a fixed (product id) order. Short lines roll everything back.
 *
 * A concurrent request with the same key blocks on the key's row until the first commits, then
 * gets the first order back; if the first rolled back, it places the order itself.
 */
export async function placeOrder(db: Db, input: PlaceOrderInput): Promise<PlacedOrder> {
  const hash = requestHash(input);
  if (input.lines.size === 0) {
    // A retry after success finds the cart already emptied: answer with the first result.
    const placed = await findPlacedOrder(db, input);
    if (placed) return placed;
    throw new AppError('CART_EMPTY', 'The cart is empty');
  }
  const orderId = randomUUID();
  const lines = [...input.lines.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  try {
    const placed = await db.primary.$transaction(
      async (tx) => {
        const claimed = await tx.$executeRaw`
          INSERT INTO idempotency_keys (key, request_hash, order_id, expires_at)
          VALUES (${input.idempotencyKey}, ${hash}, ${orderId}::uuid, ${new Date(Date.now() + KEY_LIFETIME_MS)})
          ON CONFLICT (key) DO NOTHING`;
        if (claimed === 0) throw new KeyAlreadyUsed();

        const products = await tx.product.findMany({
          where: { id: { in: lines.map(([id]) => id) } },
          select: { id: true, name: true, priceCents: true, currency: true },
        });
        const byId = new Map(products.map((p) => [p.id, p]));
        const orderLines: OrderLine[] = [];
        for (const [productId, quantity] of lines) {
          const product = byId.get(productId);
          if (product)
            orderLines.push({
              productId,
              name: product.name,
              priceCents: product.priceCents,
              quantity,
            });
        }
        const { shippingAddress: ship } = input.body;
        const created = await tx.order.create({
          data: {
            id: orderId,
            userId: input.userId ?? null,
            email: input.body.email,
            shipName: ship.name,
            shipLine1: ship.line1,
            shipCity: ship.city,
            shipRegion: ship.region ?? null,
            shipPostalCode: ship.postalCode,
            shipCountry: ship.country,
            totalCents: orderLines.reduce(
              (sum, l) => sum + BigInt(l.priceCents * l.quantity),
              BigInt(SHIPPING_CENTS),
            ),
            currency: products[0]?.currency ?? 'USD',
            lines: { createMany: { data: orderLines } },
          },
        });
        await tx.outboxEvent.create({
          data: {
            topic: 'order.placed',
            payload: { orderId, number: created.number, email: created.email, lines: orderLines },
          },
        });

        // Stock last: a popular product's row stays locked only from here to the commit.
        // Conditional decrements in product-id order; any short line rolls everything back.
        const short: { productId: string; requested: number }[] = [];
        const change: CatalogChange = { products: [], categories: [] };
        for (const [productId, quantity] of lines) {
          const [sold] = await tx.$queryRaw<{ slug: string; stock: number; category: string }[]>`
            UPDATE products p SET stock = p.stock - ${quantity}, updated_at = now()
            FROM categories c
            WHERE p.id = ${productId}::uuid AND p.stock >= ${quantity} AND c.id = p.category_id
            RETURNING p.slug, p.stock, c.slug AS category`;
          if (!sold) {
            short.push({ productId, requested: quantity });
            continue;
          }
          change.products.push(sold.slug);
          if (sold.stock === 0) change.categories.push(sold.category);
        }
        if (short.length > 0) throw await outOfStock(tx, short);
        const sorted = orderLines.toSorted((a, b) => a.name.localeCompare(b.name));
        return { order: { ...created, lines: sorted }, change };
      },
      { maxWait: 10_000, timeout: 10_000 },
    );
    return { order: toOrder(placed.order), created: true, change: placed.change };
  } catch (error) {
    if (error instanceof KeyAlreadyUsed) return replay(db, input.idempotencyKey, hash);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2028') {
      throw new AppError('SERVICE_BUSY', 'The shop is very busy; please try again.', undefined, {
        retryAfterSeconds: 2,
        cause: error,
      });
    }
    throw error;
  }
}

async function outOfStock(
  tx: Prisma.TransactionClient,
  short: { productId: string; requested: number }[],
): Promise<AppError> {
  const stock = await tx.product.findMany({
    where: { id: { in: short.map((s) => s.productId) } },
    select: { id: true, stock: true },
  });
  const available = new Map(stock.map((p) => [p.id, p.stock]));
  return new AppError('OUT_OF_STOCK', 'Some products are not in stock in the quantity asked for', {
    lines: short.map((s) => ({ ...s, available: available.get(s.productId) ?? 0 })),
  });
}

/**
 * The order an Idempotency-Key already placed (committed), or null when the key is new; 422 when
 * the key came with another request.
 */
export async function findPlacedOrder(
  db: Db,
  input: Pick<PlaceOrderInput, 'idempotencyKey' | 'body' | 'userId' | 'cartId'>,
): Promise<PlacedOrder | null> {
  const used = await db.primary.idempotencyKey.findUnique({
    where: { key: input.idempotencyKey },
  });
  return used ? replay(db, input.idempotencyKey, requestHash(input)) : null;
}

/** The first result of a key, or 422 when the key came with another request. */
async function replay(db: Db, key: string, hash: string): Promise<PlacedOrder> {
  const first = await db.primary.idempotencyKey.findUnique({ where: { key } });
  if (!first || first.requestHash !== hash) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for another request',
      {
        field: 'Idempotency-Key',
      },
    );
  }
  const order = await db.primary.order.findUniqueOrThrow({
    where: { id: first.orderId },
    include: orderInclude,
  });
  return { order: toOrder(order), created: false };
}
