// Seed settings, validated once.
import { parseEnv, postgresUrl } from '@shop/config';
import { z } from 'zod';

export const env = parseEnv(
  z.object({
    DATABASE_URL: postgresUrl(),
    /** How many products the catalog holds; the first N are the same whatever N is. */
    SEED_PRODUCTS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  }),
  process.env,
);
