// The load runner's settings; the addresses come from infra/local/env.sh (npm run load sources it).
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url().default('http://localhost:4100'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    SHOP_HOST: z.string().default('127.0.0.1'),
    /** Which local stack the addresses belong to: dev (npm start) or test (npm test). */
    SHOP_STACK: z.string().default('dev'),
    /** The API replicas, asked directly for their /metrics while the load runs. */
    API_PORT_BASE: z.coerce.number().int().default(4110),
    API_REPLICAS: z.coerce.number().int().min(1).default(2),
    /** The read replica's port (chaos: its replay paused over the superuser's socket). */
    PG_REPLICA_PORT: z.coerce.number().int().default(4133),
    /** The local stack's data folder (its edge access log tells page-cache and CDN hits). */
    SHOP_DATA: z.string().optional(),
    /** The worker processes under supervisord, worker:worker-1 … N (chaos: kill-worker). */
    WORKER_REPLICAS: z.coerce.number().int().min(1).default(2),
    /** The Redis of shopper events and hot lists (chaos kill-worker: the fold's tally, a burst). */
    EVENTS_REDIS_URL: z.string().optional(),
    /** How long a browser journey's expectation waits for what it expects on a busy shop. */
    LOAD_EXPECT_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    /**
     * The names of the variables the caller had set before bin/ladder sourced env.sh, spaces
     * between them; unset when something else started the runner.
     */
    LADDER_CALLER_ENV: z.string().optional(),
  })
  .parse(process.env);

/** What processes the runner starts inherit: PATH, the stack's settings, everything else. */
export const inheritedEnv: Readonly<Record<string, string | undefined>> = { ...process.env };

/**
 * The environment as the caller gave it, before env.sh filled in its defaults. The ladder starts
 * the stack from it plus a step's settings, as `API_REPLICAS=1 ... npm start` would: env.sh then
 * derives its defaults from those settings, not from the ones it derived for the runner.
 */
export function callerEnv(): Record<string, string | undefined> {
  if (env.LADDER_CALLER_ENV === undefined) return { ...inheritedEnv };
  const names = new Set(env.LADDER_CALLER_ENV.split(' ').filter(Boolean));
  return Object.fromEntries(Object.entries(inheritedEnv).filter(([name]) => names.has(name)));
}
