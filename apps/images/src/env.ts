// The image service's settings: read and validated once, here; nothing else reads process.env.
import { availableParallelism, hostname } from 'node:os';
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
  /**
   * Render admission (render-admission.ts): renders running at once, and renders waiting for a
   * slot; past that a request is answered 503 SERVICE_BUSY at once. Defaults: the number of cores
   * (less one thread of libuv's pool, where sharp and upload checks also run), and 8 per slot.
   */
  RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  RENDER_QUEUE_SIZE: z.coerce.number().int().min(0).max(10_000).optional(),
  /** How long a render may wait for a slot before its request is answered 503. */
  RENDER_QUEUE_WAIT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /** How long one render may run before it is stopped (503); large AVIFs take seconds. */
  RENDER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(30),
  /** libuv's thread pool, read by Node itself at start; only its size is needed here. */
  UV_THREADPOOL_SIZE: z.coerce.number().int().min(1).max(1024).default(4),
  LOG_LEVEL: logLevel(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = ReturnType<typeof loadEnv>;

export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const env = parseEnv(schema, source);
  const concurrency =
    env.RENDER_CONCURRENCY ??
    Math.max(1, Math.min(availableParallelism(), env.UV_THREADPOOL_SIZE - 1));
  return {
    ...env,
    RENDER_CONCURRENCY: concurrency,
    RENDER_QUEUE_SIZE: env.RENDER_QUEUE_SIZE ?? 8 * concurrency,
  };
}
