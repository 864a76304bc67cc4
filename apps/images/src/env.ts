// The image service's settings: read and validated once, here; nothing else reads process.env.
import { hostname } from 'node:os';
import { logLevel, parseEnv, port, redisUrl, url } from '@shop/config';
import { sessionSettings } from '@shop/sessions';
import { z } from 'zod';

const schema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: port().default(3002),
  /** Named in X-Served-By and in logs, so a request can be traced to its instance. */
  IMAGES_INSTANCE_ID: z.string().min(1).default(hostname()),
  /** Sessions (shared with the API) decide who may upload. */
  REDIS_URL: redisUrl(),
  ...sessionSettings,
  /** The S3-compatible store holding originals and variants (s3rver locally, MinIO, AWS). */
  S3_ENDPOINT: url(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).max(63),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** Path-style URLs (endpoint/bucket/key), which MinIO and s3rver need; false for AWS hosts. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(true),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof schema>;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseEnv(schema, source);
}
