// Where the stack under test is: set by infra/local/env.sh (SHOP_STACK=...) before tests run.
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url(),
    SHOP_DATA: z.string(),
    SHOP_ROOT: z.string(),
    SHOP_HOST: z.string(),
    PG_PRIMARY_PORT: z.coerce.number(),
    REDIS_URL: z.string(),
    MAIL_WEB_URL: z.url(),
    SMTP_URL: z.url(),
    WORKER_PORT_BASE: z.coerce.number(),
  })
  .parse(process.env);

/** The whole environment, for a worker process a test starts itself. */
export const stackEnvironment: NodeJS.ProcessEnv = { ...process.env };
