import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import type { Redis } from 'ioredis';
import { handleErrors, instrument, requestIdOf, traceRequests } from '@shop/http';
import { createMetrics } from './http/metrics';
import type { VariantSource } from './images/get-or-render-variant';
import type { ImageStore } from './images/image-store';
import { RenderAdmission } from './images/render-admission';
import { healthRoutes } from './routes/health';
import { originalRoutes } from './routes/originals';
import { uploadRoutes } from './routes/upload';
import { variantRoutes } from './routes/variants';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where a variant came from, for the request's log line. */
    imageSource: VariantSource | null;
  }
}

export interface AppDeps {
  store: ImageStore;
  /** Sessions (who may upload) and readiness. */
  redis: Redis;
  session: {
    secret: string;
    idleSeconds: number;
    absoluteSeconds: number;
    /** Origins browsers reach the shop at; uploads from any other are refused. */
    publicOrigins: string[];
  };
  /** This instance's name, sent as X-Served-By. */
  instanceId: string;
  /** Render admission and budget (env.ts, RENDER_*). */
  render: {
    concurrency: number;
    queueSize: number;
    queueWaitSeconds: number;
    timeoutSeconds: number;
  };
}

/** Room for the S3 calls around a render (a lookup, the original, the store), normally ms each. */
const STORE_CALLS_MS = 30_000;

/** Builds the image service without listening, so tests can `inject()` and server.ts can `listen()`. */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  const { render } = deps;
  const admission = new RenderAdmission({
    concurrency: render.concurrency,
    queueSize: render.queueSize,
    maxWaitMs: render.queueWaitSeconds * 1000,
  });
  const app = Fastify({
    logger,
    // One log line per request (below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Keep the edge's request id (X-Request-Id) when it is well formed, else make one.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // A connection stays silent while its variant waits for a slot and renders: it may not be cut
    // before that budget is spent (the edge would turn the cut into a 502). The edge's own
    // proxy_read_timeout (cdn-location.conf) sits between the budget and this.
    connectionTimeout: (render.queueWaitSeconds + render.timeoutSeconds) * 1000 + STORE_CALLS_MS,
    // Receiving the whole request: room for a 15 MiB upload on a slow link.
    requestTimeout: 60_000,
    // Longer than the edge's upstream keepalive, so nginx closes idle connections first.
    keepAliveTimeout: 75_000,
    routerOptions: { maxParamLength: 200 },
    // The edge (and only a proxy on a loopback or private address) tells the scheme: Secure cookies.
    trustProxy: 'loopback,linklocal,uniquelocal',
  });

  app.decorateRequest('imageSource', null);
  traceRequests(app, deps.instanceId, (request) =>
    request.imageSource ? { source: request.imageSource } : {},
  );
  handleErrors(app);

  const metrics = createMetrics(deps.instanceId, admission);
  instrument(app, metrics.registry);
  await app.register(healthRoutes(deps));
  await app.register(uploadRoutes(deps, metrics));
  await app.register(variantRoutes(deps, admission, metrics));
  await app.register(originalRoutes(deps));

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
