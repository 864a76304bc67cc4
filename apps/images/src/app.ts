import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import type { Redis } from 'ioredis';
import { handleErrors, instrument, requestIdOf, traceRequests } from '@shop/http';
import { createMetrics } from './http/metrics';
import type { VariantSource } from './images/get-or-render-variant';
import type { ImageStore } from './images/image-store';
import { healthRoutes } from './routes/health';
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
}

/** Builds the image service without listening, so tests can `inject()` and server.ts can `listen()`. */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({
    logger,
    // One log line per request (below), not Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // Keep the edge's request id (X-Request-Id) when it is well formed, else make one.
    requestIdHeader: false,
    genReqId: requestIdOf,
    connectionTimeout: 10_000,
    // Room for a 15 MiB upload on a slow link, and for a large AVIF render.
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

  const metrics = createMetrics(deps.instanceId);
  instrument(app, metrics.registry);
  await app.register(healthRoutes(deps));
  await app.register(uploadRoutes(deps, metrics));
  await app.register(variantRoutes(deps, metrics));

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
