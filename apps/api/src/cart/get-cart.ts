import type { DbReader } from '@shop/db';
import type { Cart } from '@shop/domain';
import type { CartStore } from './cart-store';

const DEFAULT_CURRENCY = 'USD';

/**
 * The cart with current names, prices and stock; lines whose product is gone are dropped. Read
 * in the same query as the names (the replica, or the primary after the session's own write),
 * so the stock costs no extra read; checkout's conditional update is what decides.
 */
export async function getCart(
  reader: DbReader,
  carts: CartStore,
  cartId: string | undefined,
): Promise<Cart> {
  const lines = cartId ? await carts.lines(cartId) : new Map<string, number>();
  if (lines.size === 0) return { items: [], totalCents: 0, currency: DEFAULT_CURRENCY };
  const products = await reader.product.findMany({
    where: { id: { in: [...lines.keys()] } },
    select: {
      id: true,
      slug: true,
      name: true,
      priceCents: true,
      currency: true,
      stock: true,
      images: { select: { hash: true, alt: true }, orderBy: { position: 'asc' }, take: 1 },
    },
    orderBy: { name: 'asc' },
  });
  const items = products.map((p) => {
    const quantity = lines.get(p.id) ?? 0;
    return {
      productId: p.id,
      slug: p.slug,
      name: p.name,
      priceCents: p.priceCents,
      quantity,
      lineTotalCents: p.priceCents * quantity,
      stock: p.stock,
      image: p.images[0] ?? null,
    };
  });
  return {
    items,
    totalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    currency: products[0]?.currency ?? DEFAULT_CURRENCY,
  };
}
