// Where the test stack is: set by infra/local/env.sh (SHOP_STACK=test) before tests run.
import { z } from 'zod';

export const env = z
  .object({
    PUBLIC_URL: z.url(),
    SHOP_ROOT: z.string(),
    SHOP_HOST: z.string(),
    IMAGES_PORT: z.coerce.number(),
    S3_ENDPOINT: z.url(),
    S3_BUCKET: z.string(),
    S3_REGION: z.string(),
    S3_ACCESS_KEY_ID: z.string(),
    S3_SECRET_ACCESS_KEY: z.string(),
  })
  .parse(process.env);
