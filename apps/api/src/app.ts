import swagger from '@fastify/swagger';
import type { Db, ReplicaMonitor } from '@shop/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import type { LoginLimits } from './accounts/login-limits';
import type { CartStore } from './cart/cart-store';
import { AppError } from '@shop/http';
import { handleErrors, instrument, requestIdOf, traceRequests } from '@shop/http';
import { createMetrics } from './http/metrics';
import { refuseCrossSiteWrites, registerSessions } from '@shop/sessions';
import { authRoutes } from './routes/auth';
import { cartRoutes } from './routes/cart';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { orderRoutes } from './routes/orders';

export interface AppDeps {
  db: Db;
  /** Where the replica stands, for read-your-writes and the lag metric. */
  replica: ReplicaMonitor;
  redis: Redis;
  carts: CartStore;
  loginLimits: LoginLimits;
  session: { secret: string; idleSeconds: number; absoluteSeconds: number };
  /** This replica's name, sent as X-Served-By. */
  instanceId: string;
}

/** Builds the API without listening, so tests can `inject()` and server.ts can `listen()`. */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({
    logger,
    // One log line per request (below), not Fastify's two.
    disableRequestLogging: true,
    // Keep the edge's request id (X-Request-Id) when it is well formed, else make one.
    requestIdHeader: false,
    genReqId: requestIdOf,
    bodyLimit: 64 * 1024,
    connectionTimeout: 10_000,
    requestTimeout: 15_000,
    // Longer than the edge's upstream keepalive, so nginx closes idle connections first.
    keepAliveTimeout: 75_000,
    routerOptions: { maxParamLength: 200 },
    // The edge (and only a proxy on a loopback or private address) tells the client address
    // and scheme: they feed the per-address login limit and Secure cookies.
    trustProxy: 'loopback,linklocal,uniquelocal',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  traceRequests(app, deps.instanceId);
  // Anything personal (cart, account, orders) must never sit in a shared cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  handleErrors(app);
  refuseCrossSiteWrites(app, (message) => new AppError('CROSS_SITE_REQUEST', message));
  await registerSessions(app, { redis: deps.redis, ...deps.session });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Shopscale API',
        version: '1.0.0',
        description: 'The public HTTP contract of the shop (see shared API.md).',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  instrument(app, createMetrics(deps.replica, deps.instanceId));
  await app.register(healthRoutes(deps));
  await app.register(catalogRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(cartRoutes(deps));
  await app.register(orderRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
