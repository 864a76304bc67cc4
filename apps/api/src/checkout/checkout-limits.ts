import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { takePoints, type Taken } from '../limits/take-points';

const SHOPPER_WINDOW_SECONDS = 10 * 60;
const ADDRESS_WINDOW_SECONDS = 3600;

/**
 * Orders per shopper (a signed-in account, else the guest's session) per 10 minutes, and per
 * client address per hour: nobody can buy a product off the shelves by placing order after
 * order. A checkout that places no order (an empty cart, out of stock, a replayed key) gives its
 * points back.
 */
export class CheckoutLimits {
  private readonly perShopper: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(redis: Redis, limits: { perShopper: number; perAddress: number }) {
    this.perShopper = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'checkout:shopper',
      points: limits.perShopper,
      duration: SHOPPER_WINDOW_SECONDS,
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'checkout:address',
      points: limits.perAddress,
      duration: ADDRESS_WINDOW_SECONDS,
    });
  }

  /** Counts one order attempt, or throws RATE_LIMITED. */
  take(shopper: string, address: string): Promise<Taken> {
    return takePoints(
      [
        { limiter: this.perShopper, key: shopper },
        { limiter: this.perAddress, key: address },
      ],
      'Too many orders in a short time; please wait a little before ordering again.',
    );
  }
}
