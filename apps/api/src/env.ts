// The API's settings: read and validated once, here; nothing else reads process.env.
import { hostname } from 'node:os';
import { logLevel, parseEnv, port, postgresUrl, redisUrl, url } from '@shop/config';
import { sessionSettings } from '@shop/sessions';
import { z } from 'zod';

const count = () => z.coerce.number().int().min(1).max(100_000);
const list = () =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1)).min(1));

const schema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: port().default(3001),
  /** Named in X-Served-By and in logs, so a request can be traced to its replica. */
  API_INSTANCE_ID: z.string().min(1).default(hostname()),
  DATABASE_URL: postgresUrl(),
  DATABASE_REPLICA_URL: postgresUrl().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: redisUrl(),
  /** The image service, straight (not through the edge): the API asks it about uploads. */
  IMAGES_URL: url(),
  /** The Redis of shopper events, hot lists and presence; REDIS_URL when unset. */
  EVENTS_REDIS_URL: redisUrl().optional(),
  /**
   * The cache tier's Redis (no persistence; values expire, evicted volatile-lru); the events
   * Redis when unset. CACHE_TTL_SECONDS bounds how long a value lives there, CACHE_L1_* the
   * small cache in each process.
   */
  CACHE_REDIS_URL: redisUrl().optional(),
  /**
   * `off` reads the catalog from Postgres on every request (no L1, no Redis): the cache tier's
   * step of the scalability ladder (npm run bench:ladder). Changes still invalidate.
   */
  CATALOG_CACHE: z.enum(['on', 'off']).default('on'),
  CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  CACHE_L1_TTL_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  CACHE_L1_MAX: count().default(5_000),
  /**
   * The storefront processes, reached directly (comma-separated origins), told to revalidate
   * their data cache and purge the edge after a catalog change; REVALIDATE_SECRET proves it.
   */
  STOREFRONT_URLS: list().optional(),
  /** Prometheus, read by GET /api/admin/ops (the /ops page); without it the page has no figures. */
  PROMETHEUS_URL: url().optional(),
  REVALIDATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  ...sessionSettings,
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated):
   * the edge, which overwrites that header with the address it saw. The client address feeds
   * the per-address limits, so no other hop may set it.
   */
  TRUSTED_PROXIES: list().default(['127.0.0.1', '::1']),
  /** Requests handled at once per process; more wait in a queue of API_QUEUE, then get 503. */
  API_CONCURRENCY: count().default(8),
  API_QUEUE: count().default(24),
  /** Sign-ins and registrations (password hashing, ~20 ms of a core each) at once per process. */
  PASSWORD_CONCURRENCY: count().default(1),
  PASSWORD_QUEUE: count().default(7),
  /** Abuse limits; the windows and the policy are in README "Security". */
  LOGIN_FAILURES_PER_PAIR: count().default(5),
  LOGIN_FAILURES_PER_ADDRESS: count().default(20),
  LOGIN_FAILURES_PER_ACCOUNT: count().default(50),
  REGISTRATIONS_PER_ADDRESS: count().default(10),
  CHECKOUTS_PER_SHOPPER: count().default(5),
  CHECKOUTS_PER_ADDRESS: count().default(20),
  /** Shopper events are written in batches of up to this many, or after this many ms. */
  EVENTS_BATCH_MAX: count().default(500),
  EVENTS_FLUSH_MS: count().default(50),
  /** The worker's fold interval (its HOT_FOLD_INTERVAL_SECONDS): lists older than 3 are stale. */
  HOT_FOLD_INTERVAL_SECONDS: z.coerce.number().positive().default(3),
  /** Replica further behind than this is skipped; reads go to the primary. */
  MAX_REPLICA_LAG_SECONDS: z.coerce.number().min(0).default(5),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

const refined = schema.refine(
  (env) => !env.STOREFRONT_URLS || env.REVALIDATE_SECRET !== undefined,
  { path: ['REVALIDATE_SECRET'], message: 'must be set when STOREFRONT_URLS is' },
);

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(refined, source);
}
