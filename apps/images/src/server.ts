// Process entry: wire S3, Redis and logging, and run the service (listen; graceful shutdown).
import { S3Client } from '@aws-sdk/client-s3';
import { connectRedis, loggerOptions, runService } from '@shop/http';
import sharp from 'sharp';
import { buildApp } from './app';
import { loadEnv } from './env';
import { S3ImageStore } from './images/image-store';

const env = loadEnv();

// Every input is a different buffer, so libvips' operation cache would only hold memory.
sharp.cache(false);

const s3 = new S3Client({
  endpoint: env.S3_ENDPOINT,
  region: env.S3_REGION,
  forcePathStyle: env.S3_FORCE_PATH_STYLE,
  credentials: {
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  },
  // S3-compatible servers (s3rver, older MinIO) reject the SDK's newer default checksums.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000 },
});
const redis = connectRedis(env.REDIS_URL);
const app = await buildApp(
  {
    store: new S3ImageStore(s3, env.S3_BUCKET),
    redis,
    session: {
      secret: env.SESSION_SECRET,
      idleSeconds: env.SESSION_IDLE_SECONDS,
      absoluteSeconds: env.SESSION_ABSOLUTE_SECONDS,
      publicOrigins: env.PUBLIC_ORIGINS,
    },
    instanceId: env.IMAGES_INSTANCE_ID,
    render: {
      concurrency: env.RENDER_CONCURRENCY,
      queueSize: env.RENDER_QUEUE_SIZE,
      queueWaitSeconds: env.RENDER_QUEUE_WAIT_SECONDS,
      timeoutSeconds: env.RENDER_TIMEOUT_SECONDS,
    },
  },
  loggerOptions(env.LOG_LEVEL, env.IMAGES_INSTANCE_ID),
);
await runService({
  app,
  host: env.HOST,
  port: env.PORT,
  redis: [redis],
  close: async () => s3.destroy(),
});
