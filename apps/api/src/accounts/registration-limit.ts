import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { takePoints } from '../limits/take-points';

const WINDOW_SECONDS = 3600;

/**
 * Registrations per client address per hour, successful or not: it bounds account creation from
 * one place and makes 409 EMAIL_TAKEN useless for finding out who has an account.
 */
export class RegistrationLimit {
  private readonly perAddress: RateLimiterRedis;

  constructor(redis: Redis, perAddress: number) {
    this.perAddress = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'register:address',
      points: perAddress,
      duration: WINDOW_SECONDS,
    });
  }

  /** Counts one registration attempt, or throws RATE_LIMITED. */
  async take(address: string): Promise<void> {
    await takePoints(
      [{ limiter: this.perAddress, key: address }],
      'Too many new accounts from your network; try again later.',
    );
  }
}
