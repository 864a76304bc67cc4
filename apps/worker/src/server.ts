// Process entry: the worker's queues (hot lists, outbox) and its health and metrics port.
import { setTimeout as sleep } from 'node:timers/promises';
import { createDb } from '@shop/db';
import { connectRedis, createRegistry, loggerOptions, runService } from '@shop/http';
import { jobs, queues } from '@shop/jobs';
import { buildApp } from './app';
import { loadEnv } from './env';
import { ProductCategories } from './hotlists/product-categories';
import { deliverOutbox, type DeliverOutboxDeps } from './jobs/deliver-outbox';
import { foldHotlists } from './jobs/fold-hotlists';
import { restoreHotlists, snapshotHotlists } from './jobs/snapshot-hotlists';
import { MaildevInbox } from './outbox/maildev-inbox';
import { PostgresOutboxStore } from './outbox/outbox-store';
import { RedisPurchaseRecorder } from './outbox/record-purchases';
import { SmtpMailer } from './outbox/smtp-mailer';
import { startWorkers, type RunningWorkers } from './start-workers';
import { registerWorkMetrics } from './work-metrics';

const env = loadEnv();
const db = createDb({
  primaryUrl: env.DATABASE_URL,
  replicaUrl: env.DATABASE_REPLICA_URL,
  applicationName: `shop-worker:${env.WORKER_INSTANCE_ID}`,
  poolSize: 4,
});
// The jobs' own commands go to the Redis of shopper events, hot lists and presence; BullMQ's
// connection (it blocks while waiting for jobs) to the shop's persistent Redis, with the queues.
const redis = connectRedis(env.EVENTS_REDIS_URL ?? env.REDIS_URL);
const queueRedis = connectRedis(env.REDIS_URL, { forQueues: true });
const metrics = createRegistry(env.WORKER_INSTANCE_ID);

// Started below, once the app (and its logger) exists.
const started: { workers?: RunningWorkers } = {};
const app = await buildApp(
  {
    db,
    redis,
    metrics,
    workersRunning: () => started.workers?.running() ?? false,
    instanceId: env.WORKER_INSTANCE_ID,
  },
  loggerOptions(env.LOG_LEVEL, env.WORKER_INSTANCE_ID),
);

const categories = new ProductCategories(() => db.replica);
const fold = {
  redis,
  categories,
  consumer: env.WORKER_INSTANCE_ID,
  weights: {
    view: env.HOT_WEIGHT_VIEW,
    cart: env.HOT_WEIGHT_CART,
    purchase: env.HOT_WEIGHT_PURCHASE,
    seen: 0,
  },
  settings: {
    halfLifeSeconds: env.HOT_HALF_LIFE_SECONDS,
    repeatWindowSeconds: env.HOT_REPEAT_WINDOW_SECONDS,
    eventsPerAddressPerMinute: env.HOT_EVENTS_PER_ADDRESS_PER_MINUTE,
  },
};

const mailer = new SmtpMailer(env.SMTP_URL, env.MAIL_FROM);
const relay: DeliverOutboxDeps = {
  store: new PostgresOutboxStore(db),
  mailer,
  inbox: new MaildevInbox(env.MAIL_WEB_URL),
  purchases: new RedisPurchaseRecorder(redis),
  leaseSeconds: env.OUTBOX_LEASE_SECONDS,
  batchSize: env.OUTBOX_BATCH_SIZE,
  publicUrl: env.PUBLIC_URL,
  log: app.log,
  ...(env.OUTBOX_PAUSE_AFTER_SEND_MS > 0
    ? { afterSend: () => sleep(env.OUTBOX_PAUSE_AFTER_SEND_MS) }
    : {}),
};

started.workers = await startWorkers({
  connection: queueRedis,
  log: app.log,
  schedules: [
    {
      queue: queues.hotlists,
      job: jobs.foldHotlists,
      everyMs: env.HOT_FOLD_INTERVAL_SECONDS * 1000,
    },
    {
      queue: queues.hotlists,
      job: jobs.snapshotHotlists,
      everyMs: env.HOT_SNAPSHOT_INTERVAL_SECONDS * 1000,
    },
    {
      queue: queues.outbox,
      job: jobs.relayOutbox,
      everyMs: env.OUTBOX_INTERVAL_SECONDS * 1000,
    },
  ],
  handlers: {
    [jobs.foldHotlists]: async () => {
      const restored = await restoreHotlists({ redis, db });
      if (restored) app.log.info('hot lists restored from the Postgres snapshot');
      return foldHotlists(fold);
    },
    [jobs.snapshotHotlists]: () => snapshotHotlists({ redis, db }),
    [jobs.relayOutbox]: () => deliverOutbox(relay),
  },
});

registerWorkMetrics(metrics, { queues: () => started.workers?.queues ?? [], redis });

await runService({
  app,
  host: env.HOST,
  port: env.PORT,
  redis: [redis, queueRedis],
  close: async () => {
    await started.workers?.close();
    mailer.close();
    await db.close();
  },
});
