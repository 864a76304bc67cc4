import { z } from 'zod';

/** The session variables every service reading the shop's cookie declares in its env.ts. */
export const sessionSettings = {
  /** Signs session cookies; at least 32 random characters, the same on every service. */
  SESSION_SECRET: z.string().min(32),
  /** A session unused this long ends (the cookie and the Redis entry expire together). */
  SESSION_IDLE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(24 * 3600),
  /** A session ends this long after sign-in or creation, however active. */
  SESSION_ABSOLUTE_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 3600),
  /**
   * The origins shoppers' browsers reach the shop at (scheme://host[:port], comma-separated):
   * a state-changing request whose Origin is not one of them is refused.
   */
  PUBLIC_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be http(s)://host[:port]' })).min(1)),
};
