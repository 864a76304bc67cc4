// Benchmark settings; the addresses come from infra/local/env.sh (the running dev stack).
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url().default('http://localhost:4100'),
    SHOP_HOST: z.string().default('127.0.0.1'),
    EDGE_PORT: z.coerce.number().default(4100),
    STATIC_PORT: z.coerce.number().default(4195),
    BENCH_SECONDS: z.coerce.number().int().min(1).default(5),
    /** Rounds per pair, shop and baseline back to back each round; each side's median counts. */
    BENCH_ROUNDS: z.coerce.number().int().min(1).default(3),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).default(50),
    BENCH_THREADS: z.coerce.number().int().min(1).default(1),
    /** What the compressed pairs send, as browsers do. */
    BENCH_ACCEPT_ENCODING: z.string().min(1).default('gzip, br'),
    /** Clients of the cache-miss pairs: what the replicas run at once (2 × API_CONCURRENCY). */
    BENCH_MISS_CONNECTIONS: z.coerce.number().int().min(1).default(16),
    /** The API replicas, asked directly for their cache counters. */
    API_PORT_BASE: z.coerce.number().default(4110),
    API_REPLICAS: z.coerce.number().int().min(1).default(2),
    /** bench:catalog flushes the cache as this admin to measure misses. */
    SEED_ADMIN_EMAIL: z.string().default('admin@shopscale.test'),
    SEED_ADMIN_PASSWORD: z.string().default('admin-catalog-2026'),
  })
  .parse(process.env);

/** bench:observing: where the stack's supervisord config is (to stop and start the collectors). */
export const observingEnv = () =>
  z
    .object({
      SHOP_ROOT: z.string(),
      PROMETHEUS_URL: z.url(),
      PROMETHEUS_SCRAPE_INTERVAL: z
        .string()
        .regex(/^\d+s$/, 'whole seconds, such as 5s')
        .default('5s'),
    })
    .parse(process.env);

/** bench:checkout: the primary it measures pgbench on, and how many orders it places. */
export const checkoutEnv = z
  .object({
    DATABASE_URL: z.string(),
    PG_BIN: z.string().default('/usr/lib/postgresql/15/bin'),
    BENCH_ORDERS: z.coerce.number().int().min(10).default(1_500),
    BENCH_CONCURRENCY: z.coerce.number().int().min(1).default(32),
    BENCH_SECONDS: z.coerce.number().int().min(1).default(10),
  })
  .parse(process.env);

/** bench:images: how many first renders to time, and who may upload. */
export const imagesBenchEnv = z
  .object({
    BENCH_RENDERS: z.coerce.number().int().min(3).default(15),
    SEED_ADMIN_EMAIL: z.string().default('admin@shopscale.test'),
    SEED_ADMIN_PASSWORD: z.string().default('admin-catalog-2026'),
  })
  .parse(process.env);

/** bench:images-flood: how many distinct first renders to ask for at once, and where the service is. */
export const floodBenchEnv = z
  .object({
    FLOOD_REQUESTS: z.coerce.number().int().min(10).max(60_000).default(300),
    /** Distinct client addresses the requests come from (default: one each). */
    FLOOD_CLIENTS: z.coerce.number().int().min(1).max(60_000).optional(),
    IMAGES_PORT: z.coerce.number().default(4121),
  })
  .parse(process.env);

/** bench:overload: how long each crowd runs, how big it is, and the bystanders beside it. */
export const overloadBenchEnv = z
  .object({
    OVERLOAD_SECONDS: z.coerce.number().int().min(3).default(15),
    OVERLOAD_CLIENTS: z.coerce.number().int().min(10).max(5_000).default(200),
    OVERLOAD_BYSTANDERS: z.coerce.number().int().min(1).max(100).default(4),
    /** Originals uploaded for the first-render crowd (27 variants each). */
    OVERLOAD_ORIGINALS: z.coerce.number().int().min(1).max(100).default(12),
    /** What the shop admits at once (infra/local/env.sh), to print the crowd's size against. */
    API_REPLICAS: z.coerce.number().int().default(2),
    EDGE_API_MAX_CONNS: z.coerce.number().int().optional(),
    EDGE_AUTH_MAX_CONNS: z.coerce.number().int().optional(),
    EDGE_IMAGES_MAX_CONNS: z.coerce.number().int().optional(),
  })
  .parse(process.env);

/** bench:hot: how many events, the rate they stream in beside catalog reads, and where Redis is. */
export const hotBenchEnv = z
  .object({
    /** The Redis of shopper events and hot lists. */
    EVENTS_REDIS_URL: z.string().default('redis://127.0.0.1:4178/0'),
    HOT_EVENTS: z.coerce.number().int().min(1_000).default(1_000_000),
    /** Events per second while catalog reads are measured: a busy shop's views and heartbeats. */
    HOT_STREAM_RATE: z.coerce.number().int().min(1).default(2_000),
    /** Which events (bench/lib/bench-events.ts): a shop's shoppers, or the fold's worst case. */
    HOT_WORKLOAD: z.enum(['shoppers', 'distinct']).default('shoppers'),
    BENCH_SECONDS: z.coerce.number().int().min(1).default(8),
    BENCH_ROUNDS: z.coerce.number().int().min(1).default(3),
  })
  .parse(process.env);

/** bench:staleness: how many price changes, how often readers poll, and where the replicas are. */
export const stalenessBenchEnv = z
  .object({
    SHOP_HOST: z.string().default('127.0.0.1'),
    EDGE_PORT: z.coerce.number().default(4100),
    API_PORT_BASE: z.coerce.number().default(4110),
    API_REPLICAS: z.coerce.number().int().min(1).default(2),
    STALENESS_CHANGES: z.coerce.number().int().min(1).default(100),
    STALENESS_POLL_MS: z.coerce.number().int().min(1).default(25),
    /** How long each reader keeps reading after it saw the new price, watching for relapses. */
    STALENESS_WATCH_MS: z.coerce.number().int().min(0).default(400),
    SEED_ADMIN_EMAIL: z.string().default('admin@shopscale.test'),
    SEED_ADMIN_PASSWORD: z.string().default('admin-catalog-2026'),
  })
  .parse(process.env);

/** lib/cache-flusher.ts: where to flush, as whom, how often (set by bench:catalog). */
export const flusherEnv = () =>
  z
    .object({
      FLUSH_EDGE: z.url(),
      FLUSH_COOKIE: z.string().min(1),
      FLUSH_MS: z.coerce.number().int().min(10).default(100),
    })
    .parse(process.env);

/** bench:avif-effort: how many originals of each kind to encode, and at which efforts. */
export const avifEffortBenchEnv = z
  .object({
    BENCH_ORIGINALS: z.coerce.number().int().min(1).max(50).default(6),
    BENCH_EFFORTS: z
      .string()
      .regex(/^\d(,\d)*$/, 'a comma-separated list of efforts 0-9')
      .default('4,3,2'),
  })
  .parse(process.env);
