import type { Redis } from 'ioredis';

/** Carts outlive idle sessions a little, so a returning signed-in shopper finds theirs. */
const CART_TTL_SECONDS = 30 * 24 * 3600;

const key = (cartId: string) => `cart:${cartId}`;

/** A cart in Redis: one hash per cart, product id → quantity. */
export class CartStore {
  constructor(private readonly redis: Redis) {}

  async lines(cartId: string): Promise<Map<string, number>> {
    const raw = await this.redis.hgetall(key(cartId));
    return new Map(Object.entries(raw).map(([productId, qty]) => [productId, Number(qty)]));
  }

  async quantity(cartId: string, productId: string): Promise<number> {
    return Number((await this.redis.hget(key(cartId), productId)) ?? 0);
  }

  async set(cartId: string, productId: string, quantity: number): Promise<void> {
    await this.redis
      .multi()
      .hset(key(cartId), productId, quantity)
      .expire(key(cartId), CART_TTL_SECONDS)
      .exec();
  }

  async remove(cartId: string, productId: string): Promise<void> {
    await this.redis.hdel(key(cartId), productId);
  }

  async clear(cartId: string): Promise<void> {
    await this.redis.del(key(cartId));
  }

  /** Moves every line of `from` into `into` (quantities add up, capped at `max`), then drops `from`. */
  async merge(from: string, into: string, max: number): Promise<void> {
    if (from === into) return;
    const guest = await this.lines(from);
    if (guest.size === 0) return;
    const mine = await this.lines(into);
    const multi = this.redis.multi();
    for (const [productId, qty] of guest) {
      multi.hset(key(into), productId, Math.min((mine.get(productId) ?? 0) + qty, max));
    }
    await multi.expire(key(into), CART_TTL_SECONDS).del(key(from)).exec();
  }
}
