import { AppError } from '@shop/http';
import { RateLimiterRes, type RateLimiterRedis } from 'rate-limiter-flexible';

/** A point to take from one limiter's counter for one key (an address, a session, ...). */
export interface Claim {
  limiter: RateLimiterRedis;
  key: string;
}

/** Points taken by `takePoints`; give them back when the attempt should not count. */
export interface Taken {
  refund(): Promise<void>;
}

/**
 * Takes one point from every claim before the work they guard, each atomically in Redis, so a
 * burst of concurrent requests cannot all pass a check made before any of them counted. If any
 * counter is used up, the points taken from the others are given back and the request is
 * refused with 429 RATE_LIMITED and Retry-After (the longest wait among the refusals).
 */
export async function takePoints(claims: Claim[], message: string): Promise<Taken> {
  const results = await Promise.allSettled(claims.map((c) => c.limiter.consume(c.key)));
  const taken = claims.filter((_, i) => results[i]?.status === 'fulfilled');
  const refund = async () => {
    await Promise.all(taken.map((c) => c.limiter.reward(c.key, 1)));
  };
  const refusals: RateLimiterRes[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    // rate-limiter-flexible rejects with a RateLimiterRes when the counter is used up, and
    // with an Error when Redis itself failed.
    if (!(result.reason instanceof RateLimiterRes)) {
      await refund().catch(() => undefined);
      throw result.reason;
    }
    refusals.push(result.reason);
  }
  if (refusals.length > 0) {
    await refund();
    throw new AppError('RATE_LIMITED', message, undefined, {
      retryAfterSeconds: Math.max(...refusals.map((r) => r.msBeforeNext)) / 1000,
    });
  }
  return { refund };
}
