// The API's settings: read and validated once, here; nothing else reads process.env.
import { hostname } from 'node:os';
import { logLevel, parseEnv, port, postgresUrl, redisUrl } from '@shop/config';
import { sessionSettings } from '@shop/sessions';
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
  ...sessionSettings,
  /** Replica further behind than this is skipped; reads go to the primary. */
  MAX_REPLICA_LAG_SECONDS: z.coerce.number().min(0).default(5),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(schema, source);
}
