// The API's settings: read and validated once, here; nothing else reads process.env.
import { hostname } from 'node:os';
import { logLevel, parseEnv, port, postgresUrl, redisUrl } from '@shop/config';
import { z } from 'zod';

const schema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: port().default(3001),
  /** Named in X-Served-By and in logs, so a request can be traced to its replica. */
  API_INSTANCE_ID: z.string().min(1).default(hostname()),
  DATABASE_URL: postgresUrl(),
  DATABASE_REPLICA_URL: postgresUrl().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: redisUrl(),
  /** Signs session cookies; at least 32 random characters, the same on every replica. */
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
  /** Replica further behind than this is skipped; reads go to the primary. */
  MAX_REPLICA_LAG_SECONDS: z.coerce.number().min(0).default(5),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(schema, source);
}
