import type { Redis } from 'ioredis';

/** Carts outlive idle sessions a little, so a returning signed-in shopper finds theirs. */
const CART_TTL_SECONDS = 30 * 24 * 3600;

const key = (cartId: string) => `cart:${cartId}`;
const checkoutKey = (cartId: string) => `cart-checkout:${cartId}`;

/**
 * KEYS[1] cart; ARGV: product id, quantity to add (or to set, with ARGV[5] = 'set'), the most
 * the line may hold, the most lines the cart may hold, the TTL. Answers {outcome, quantity now}:
 * 1 done, 0 the line would pass its most (nothing changed), -1 the cart has no room for a line.
 * One script, so two concurrent adds cannot both pass a check made before either wrote.
 */
const CHANGE_LINE = `
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local wanted = tonumber(ARGV[2])
if ARGV[5] == 'add' then wanted = current + wanted end
if wanted > tonumber(ARGV[3]) then return {0, current} end
if current == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return {-1, current} end
redis.call('HSET', KEYS[1], ARGV[1], wanted)
redis.call('EXPIRE', KEYS[1], ARGV[6])
return {1, wanted}
`;

/** KEYS[1] a checkout mark; ARGV[1] the key asking, ARGV[2] the mark's lifetime in ms. */
const HOLD = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 'taken' end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 'same-key' end
return 'other'
`;

/** KEYS[1] a checkout mark; ARGV[1] the holder. Deletes the mark only if it is still theirs. */
const RELEASE_IF_HOLDER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type LineChange =
  | { outcome: 'changed'; quantity: number }
  | { outcome: 'over-limit'; quantity: number }
  | { outcome: 'cart-full'; quantity: number };

/** Who holds a cart's checkout: this caller now, a request with the same key, or another. */
export type CheckoutHold = 'taken' | 'same-key' | 'other';

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

  /**
   * Adds to a line (`mode` add) or sets it (`mode` set), atomically refusing a line past
   * `maxQuantity` or a new line past `maxLines`.
   */
  async changeLine(
    cartId: string,
    productId: string,
    quantity: number,
    limits: { mode: 'add' | 'set'; maxQuantity: number; maxLines: number },
  ): Promise<LineChange> {
    const [outcome, now] = (await this.redis.eval(
      CHANGE_LINE,
      1,
      key(cartId),
      productId,
      quantity,
      limits.maxQuantity,
      limits.maxLines,
      limits.mode,
      CART_TTL_SECONDS,
    )) as [number, number];
    if (outcome === 1) return { outcome: 'changed', quantity: now };
    return { outcome: outcome === 0 ? 'over-limit' : 'cart-full', quantity: now };
  }

  async remove(cartId: string, productId: string): Promise<void> {
    await this.redis.hdel(key(cartId), productId);
  }

  async clear(cartId: string): Promise<void> {
    await this.redis.del(key(cartId));
  }

  /**
   * Marks the cart as being checked out under an idempotency key, so that two tabs (or two
   * sessions of one account) cannot both turn it into an order. The mark expires after `ttlMs`
   * in case its holder dies; the checkout's transaction ends well before that.
   */
  async holdForCheckout(
    cartId: string,
    idempotencyKey: string,
    ttlMs: number,
  ): Promise<CheckoutHold> {
    return (await this.redis.eval(
      HOLD,
      1,
      checkoutKey(cartId),
      idempotencyKey,
      ttlMs,
    )) as CheckoutHold;
  }

  async releaseCheckout(cartId: string, idempotencyKey: string): Promise<void> {
    await this.redis.eval(RELEASE_IF_HOLDER, 1, checkoutKey(cartId), idempotencyKey);
  }

  /**
   * Moves every line of `from` into `into` (quantities add up, capped at `maxQuantity`; lines
   * past `maxLines` are left out), then drops `from`.
   */
  async merge(from: string, into: string, limits: { maxQuantity: number; maxLines: number }) {
    if (from === into) return;
    const guest = await this.lines(from);
    if (guest.size === 0) return;
    const mine = await this.lines(into);
    const multi = this.redis.multi();
    let lineCount = mine.size;
    for (const [productId, qty] of guest) {
      const had = mine.get(productId);
      if (had === undefined && lineCount >= limits.maxLines) continue;
      if (had === undefined) lineCount++;
      multi.hset(key(into), productId, Math.min((had ?? 0) + qty, limits.maxQuantity));
    }
    await multi.expire(key(into), CART_TTL_SECONDS).del(key(from)).exec();
  }
}
