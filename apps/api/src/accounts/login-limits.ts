import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppError } from '@shop/http';

/**
 * Failed sign-ins are counted in Redis (so every replica sees them) per account and per client
 * address. Past the limit, login answers 429 with Retry-After until the window passes.
 */
export class LoginLimits {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(redis: Redis, limits = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60 }) {
    const common = { storeClient: redis, duration: limits.windowSeconds, blockDuration: 0 };
    this.perAccount = new RateLimiterRedis({
      ...common,
      keyPrefix: 'login:account',
      points: limits.perAccount,
    });
    this.perAddress = new RateLimiterRedis({
      ...common,
      keyPrefix: 'login:address',
      points: limits.perAddress,
    });
  }

  /** Throws RATE_LIMITED when either counter is used up. */
  async check(email: string, address: string): Promise<void> {
    const [account, client] = await Promise.all([
      this.perAccount.get(email),
      this.perAddress.get(address),
    ]);
    const blocked = [
      account && account.remainingPoints <= 0 ? account : null,
      client && client.remainingPoints <= 0 ? client : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length > 0) {
      const wait = Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000;
      throw new AppError('RATE_LIMITED', 'Too many failed sign-ins; try again later.', undefined, {
        retryAfterSeconds: wait,
      });
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}
