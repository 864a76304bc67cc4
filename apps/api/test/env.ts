// Where the test stack is: set by infra/local/env.sh (SHOP_STACK=test) before tests run.
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url(),
    DATABASE_URL: z.string(),
    DATABASE_REPLICA_URL: z.string(),
    SHOP_DATA: z.string(),
    SHOP_ROOT: z.string(),
    SHOP_HOST: z.string(),
    PG_PRIMARY_PORT: z.coerce.number(),
    PG_REPLICA_PORT: z.coerce.number(),
    API_PORT_BASE: z.coerce.number(),
    API_REPLICAS: z.coerce.number(),
    REDIS_URL: z.string(),
    CACHE_REDIS_URL: z.string(),
    EVENTS_REDIS_URL: z.string(),
    PROMETHEUS_URL: z.url(),
    WORKER_REPLICAS: z.coerce.number(),
    /** The API's orders per client address per hour (its default unless the stack sets one). */
    CHECKOUTS_PER_ADDRESS: z.coerce.number().default(20),
  })
  .parse(process.env);

/** Direct address of API replica n (1-based), bypassing the edge. */
export const replicaUrl = (n: number) => `http://${env.SHOP_HOST}:${env.API_PORT_BASE + n}`;
