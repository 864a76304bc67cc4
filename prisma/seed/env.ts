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

/** Settings of the image seed, which uploads through the shop's public origin as the admin. */
export const loadImagesEnv = () =>
  parseEnv(
    z.object({
      DATABASE_URL: postgresUrl(),
      PUBLIC_URL: z.url(),
      SEED_ADMIN_EMAIL: z.email().default('admin@shopscale.test'),
      SEED_ADMIN_PASSWORD: z.string().default('admin-catalog-2026'),
      /**
       * Products past this many share pictures: one of a small pool drawn with the product's
       * initial but no name, so a 100k catalog seeds in minutes rather than hours.
       */
      SEED_NAMED_PICTURES: z.coerce.number().int().min(0).default(2_000),
    }),
    process.env,
  );
