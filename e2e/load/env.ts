// The load runner's settings; the addresses come from infra/local/env.sh (npm run load sources it).
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url().default('http://localhost:4100'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    SHOP_HOST: z.string().default('127.0.0.1'),
    /** The API replicas, asked directly for their /metrics while the load runs. */
    API_PORT_BASE: z.coerce.number().int().default(4110),
    API_REPLICAS: z.coerce.number().int().min(1).default(2),
    /** The local stack's data folder (its edge access log tells page-cache and CDN hits). */
    SHOP_DATA: z.string().optional(),
    /** How long a browser journey's expectation waits for what it expects on a busy shop. */
    LOAD_EXPECT_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  })
  .parse(process.env);
