// Where the test stack is: set by infra/local/env.sh (SHOP_STACK=test) before tests run.
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url(),
    REDIS_URL: z.string(),
    EVENTS_REDIS_URL: z.string(),
    SESSION_SECRET: z.string(),
    SHOP_DATA: z.string(),
    SHOP_ROOT: z.string(),
    SHOP_HOST: z.string(),
    PG_PRIMARY_PORT: z.coerce.number(),
    PG_REPLICA_PORT: z.coerce.number(),
    WORKER_PORT_BASE: z.coerce.number(),
    WORKER_REPLICAS: z.coerce.number(),
    MAIL_WEB_URL: z.url(),
    SMTP_URL: z.url(),
  })
  .parse(process.env);

/** The whole environment, for a worker process a test starts itself. */
export const stackEnvironment: NodeJS.ProcessEnv = { ...process.env };
