// Process entry: wire real dependencies and run the service (listen; graceful shutdown).
import { createDb, ReplicaMonitor } from '@shop/db';
import { Admission, connectRedis, loggerOptions, runService } from '@shop/http';
import { EventRecorder } from '@shop/jobs';
import { Redis } from 'ioredis';
import { LoginLimits } from './accounts/login-limits';
import { ImageService } from './admin/image-service';
import { RegistrationLimit } from './accounts/registration-limit';
import { buildApp } from './app';
import { CatalogCache } from './cache/catalog-cache';
import { CatalogChanges } from './cache/catalog-changes';
import { StorefrontRevalidation } from './cache/storefront-revalidation';
import { CartStore } from './cart/cart-store';
import { CheckoutLimits } from './checkout/checkout-limits';
import { loadEnv } from './env';
import { OpsReader } from './ops/ops-reader';

const env = loadEnv();
const db = createDb({
  primaryUrl: env.DATABASE_URL,
  replicaUrl: env.DATABASE_REPLICA_URL,
  applicationName: `shop-api:${env.API_INSTANCE_ID}`,
  poolSize: env.DATABASE_POOL_SIZE,
});
const redis = connectRedis(env.REDIS_URL);
const eventsRedis = connectRedis(env.EVENTS_REDIS_URL ?? env.REDIS_URL);
const events = new EventRecorder(
  eventsRedis,
  { maxBatch: env.EVENTS_BATCH_MAX, flushMs: env.EVENTS_FLUSH_MS, maxBuffered: 50_000 },
  // The app (and its logger) exists by the time a batch can fail.
  { warn: (details, message) => app.log.warn(details, message) },
);
const replica = new ReplicaMonitor(db, { maxLagSeconds: env.MAX_REPLICA_LAG_SECONDS }).start();
// Cache reads must fail fast: a slow Redis is skipped (Postgres answers), not waited for. The
// commands of requests in flight together go out in one write (auto-pipelining): a busy replica
// spends less on system calls than on one write per command.
const cacheRedisUrl = env.CACHE_REDIS_URL ?? env.EVENTS_REDIS_URL ?? env.REDIS_URL;
const cacheRedis = new Redis(cacheRedisUrl, {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: 250,
  enableAutoPipelining: true,
});
const cacheSubscriber = new Redis(cacheRedisUrl);
// Warnings go to the app's logger, which exists by the time the cache is used.
const warn = (details: object, message: string) => app.log.warn(details, message);
const cache = new CatalogCache({
  redis: cacheRedis,
  subscriber: cacheSubscriber,
  db,
  replica,
  l1: { max: env.CACHE_L1_MAX, ttlMs: env.CACHE_L1_TTL_MS },
  ttlSeconds: env.CACHE_TTL_SECONDS,
  enabled: env.CATALOG_CACHE === 'on',
  log: { warn },
});
const catalogChanges = new CatalogChanges({
  db,
  replica,
  cache,
  storefront: new StorefrontRevalidation(env.STOREFRONT_URLS ?? [], env.REVALIDATE_SECRET ?? '', {
    warn,
  }),
});
const app = await buildApp(
  {
    db,
    replica,
    redis,
    eventsRedis,
    carts: new CartStore(redis),
    cache,
    catalogChanges,
    images: new ImageService(env.IMAGES_URL),
    loginLimits: new LoginLimits(redis, {
      failuresPerPair: env.LOGIN_FAILURES_PER_PAIR,
      failuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
      failuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
    }),
    registrationLimit: new RegistrationLimit(redis, env.REGISTRATIONS_PER_ADDRESS),
    checkoutLimits: new CheckoutLimits(redis, {
      perShopper: env.CHECKOUTS_PER_SHOPPER,
      perAddress: env.CHECKOUTS_PER_ADDRESS,
    }),
    session: {
      secret: env.SESSION_SECRET,
      idleSeconds: env.SESSION_IDLE_SECONDS,
      absoluteSeconds: env.SESSION_ABSOLUTE_SECONDS,
      publicOrigins: env.PUBLIC_ORIGINS,
    },
    trustedProxies: env.TRUSTED_PROXIES,
    requestAdmission: { concurrency: env.API_CONCURRENCY, queue: env.API_QUEUE },
    passwordHashing: new Admission(
      { concurrency: env.PASSWORD_CONCURRENCY, queue: env.PASSWORD_QUEUE },
      { full: 'Too many sign-ins at once; please try again in a moment.', retryAfterSeconds: 1 },
    ),
    events,
    hotFoldIntervalSeconds: env.HOT_FOLD_INTERVAL_SECONDS,
    ops: new OpsReader(env.PROMETHEUS_URL, eventsRedis),
    instanceId: env.API_INSTANCE_ID,
  },
  loggerOptions(env.LOG_LEVEL, env.API_INSTANCE_ID),
);
await runService({
  app,
  host: env.HOST,
  port: env.PORT,
  redis: [redis, eventsRedis, cacheRedis, cacheSubscriber],
  close: async () => {
    await events.flush();
    catalogChanges.close();
    cache.close();
    cacheSubscriber.disconnect();
    replica.stop();
    await db.close();
  },
});
