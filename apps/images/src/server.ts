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
const store = new S3ImageStore(s3, env.S3_BUCKET);
const app = await buildApp(
  {
    store,
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
// A store that does not answer at start is most often a setting: say which ones to check. The
// service stays up (pictures the edge has cached are still served; /img/readyz says 503 until
// the store answers), so a wrong setting is no restart loop.
store.ping().then(
  () => app.log.info({ endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET }, 'image store answers'),
  (error: unknown) =>
    app.log.error(
      { err: String(error), endpoint: env.S3_ENDPOINT, bucket: env.S3_BUCKET },
      'image store unreachable or refusing: check S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    ),
);
