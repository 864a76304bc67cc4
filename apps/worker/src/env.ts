// The worker's settings: read and validated once, here; nothing else reads process.env.
import { hostname } from 'node:os';
import { logLevel, parseEnv, port, postgresUrl, redisUrl } from '@shop/config';
import { z } from 'zod';

const seconds = () => z.coerce.number().positive();

const schema = z.object({
  HOST: z.string().default('0.0.0.0'),
  /** Health and metrics only: the worker takes no traffic of its own. */
  PORT: port().default(3003),
  /** Names this worker in logs and metrics, and as its consumer of the event stream. */
  WORKER_INSTANCE_ID: z.string().min(1).default(hostname()),
  DATABASE_URL: postgresUrl(),
  DATABASE_REPLICA_URL: postgresUrl().optional(),
  /** The queues (BullMQ). */
  REDIS_URL: redisUrl(),
  /** The Redis of shopper events, hot lists and presence; REDIS_URL when unset. */
  EVENTS_REDIS_URL: redisUrl().optional(),
  /** How often events are folded into the hot lists; an event shows within two of these. */
  HOT_FOLD_INTERVAL_SECONDS: seconds().default(3),
  /** After this long, an event counts half as much as a new one. */
  HOT_HALF_LIFE_SECONDS: seconds().default(3600),
  /** What each kind of event adds to a product's score. */
  HOT_WEIGHT_VIEW: z.coerce.number().min(0).default(1),
  HOT_WEIGHT_CART: z.coerce.number().min(0).default(5),
  HOT_WEIGHT_PURCHASE: z.coerce.number().min(0).default(20),
  /** A visitor's repeated view (or add) of one product counts once within this window. */
  HOT_REPEAT_WINDOW_SECONDS: seconds().default(1800),
  /** Events one client address may add to the scores per minute; the rest are dropped. */
  HOT_EVENTS_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** How often the hot lists are saved to Postgres (so a Redis flush recovers). */
  HOT_SNAPSHOT_INTERVAL_SECONDS: seconds().default(60),
  /** How often the outbox relay looks for undelivered rows (order mails, purchase events). */
  OUTBOX_INTERVAL_SECONDS: seconds().default(1),
  /** Rows one relay takes at a time. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /**
   * How long a relay holds the rows it took; another relay takes them over after that. Longer
   * than one mail's send can last (the SMTP timeouts in outbox/smtp-mailer.ts end it within
   * ~25 s), or a slow relay and the one taking over could both send.
   */
  OUTBOX_LEASE_SECONDS: seconds().default(60),
  /**
   * Fault injection for tests only: the relay waits this long between a mail's send and marking
   * it sent, so a test can kill it there. 0 (no wait) everywhere else.
   */
  OUTBOX_PAUSE_AFTER_SEND_MS: z.coerce.number().int().min(0).default(0),
  /** Where order mails are sent: smtp://host:port (smtps:// for TLS; user:pass@ if needed). */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }),
  /** The sender of order mails, e.g. `Shopscale <orders@shopscale.local>`. */
  MAIL_FROM: z.string().min(3),
  /**
   * The mail server's HTTP API (maildev locally), asked whether a mail whose send was
   * interrupted arrived after all; in production the mail provider's message lookup.
   */
  MAIL_WEB_URL: z.url(),
  /** The shop's public address, for links in mails (PUBLIC_URL/orders/<id>). */
  PUBLIC_URL: z.url(),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(schema, source);
}
