import { AppError } from '@shop/http';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { takePoints, type Claim } from '../limits/take-points';

export interface LoginPolicy {
  /** Failed sign-ins to one account from one address per 15 minutes. */
  failuresPerPair: number;
  /** Failed sign-ins from one address, whatever the account, per 15 minutes. */
  failuresPerAddress: number;
  /** Failed sign-ins to one account from addresses it has not signed in from, per hour. */
  failuresPerAccount: number;
}

const PAIR_WINDOW_SECONDS = 15 * 60;
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const ACCOUNT_WINDOW_SECONDS = 3600;
const ACCOUNT_MAX_BLOCK_SECONDS = 24 * 3600;
/** An address the account signed in from stays known this long after the last success. */
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

const TOO_MANY = 'Too many failed sign-ins; try again later.';

/** One sign-in attempt that has passed the limits: say how it ended. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Failed sign-ins are limited in Redis (every replica sees the same counters) three ways:
 *
 * - per account and address pair: `failuresPerPair` in 15 minutes, then 429 until the window
 *   has passed; a success clears it. This stops guessing one password from one place.
 * - per address, across accounts: `failuresPerAddress` in 15 minutes (password spraying).
 * - per account, from addresses that have not signed in to it within 30 days: a higher ceiling
 *   against guessing from many places. Reaching it holds such addresses back for an hour, and
 *   each further time within a day for twice as long as the last (2 h, 4 h, ... 24 h at most).
 *   Addresses the account signed in from are never held back by it, so nobody can lock the
 *   owner out of their account from where they usually sign in.
 *
 * Every counter takes its point before the password is checked and gives it back on success,
 * so a burst of concurrent guesses checks no more passwords than the limits allow.
 */
export class LoginLimits {
  private readonly pair: RateLimiterRedis;
  private readonly address: RateLimiterRedis;
  private readonly account: RateLimiterRedis;
  /** How often the account ceiling was reached in the last day: the backoff's exponent. */
  private readonly accountStrikes: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    private readonly policy: LoginPolicy,
  ) {
    const limiter = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration });
    this.pair = limiter('login:pair', policy.failuresPerPair, PAIR_WINDOW_SECONDS);
    this.address = limiter('login:address', policy.failuresPerAddress, ADDRESS_WINDOW_SECONDS);
    this.account = limiter('login:account', policy.failuresPerAccount, ACCOUNT_WINDOW_SECONDS);
    this.accountStrikes = limiter('login:account-strikes', 1_000, ACCOUNT_MAX_BLOCK_SECONDS);
  }

  /** Takes the attempt's points, or throws RATE_LIMITED (429 with Retry-After). */
  async attempt(email: string, address: string): Promise<LoginAttempt> {
    const pairKey = `${email}|${address}`;
    const known = (await this.redis.sismember(knownKey(email), address)) === 1;
    const claims: Claim[] = [
      { limiter: this.pair, key: pairKey },
      { limiter: this.address, key: address },
    ];
    const taken = await takePoints(claims, TOO_MANY);
    if (!known) {
      try {
        await this.account.consume(email);
      } catch (refusal) {
        await taken.refund();
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const retryAfterSeconds = await this.backOff(email, refusal);
        throw new AppError('RATE_LIMITED', TOO_MANY, undefined, { retryAfterSeconds });
      }
    }
    return {
      succeeded: async () => {
        await Promise.all([
          this.pair.delete(pairKey),
          this.address.reward(address, 1),
          known ? null : this.account.reward(email, 1),
          this.redis
            .multi()
            .sadd(knownKey(email), address)
            .expire(knownKey(email), KNOWN_ADDRESS_SECONDS)
            .exec(),
        ]);
      },
    };
  }

  /**
   * The request that first went past the account ceiling (exactly one: counting is atomic)
   * sets how long the account holds unknown addresses back; it doubles with every strike.
   */
  private async backOff(email: string, refusal: RateLimiterRes): Promise<number> {
    if (refusal.consumedPoints !== this.policy.failuresPerAccount + 1) {
      return refusal.msBeforeNext / 1000;
    }
    const strikes = await this.accountStrikes.consume(email);
    const seconds = Math.min(
      ACCOUNT_WINDOW_SECONDS * 2 ** (strikes.consumedPoints - 1),
      ACCOUNT_MAX_BLOCK_SECONDS,
    );
    await this.account.block(email, seconds);
    return seconds;
  }
}

const knownKey = (email: string) => `login:known:${email}`;
