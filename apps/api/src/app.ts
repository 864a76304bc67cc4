import swagger from '@fastify/swagger';
import { isDatabaseUnavailable, type Db, type ReplicaMonitor } from '@shop/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { EventRecorder } from '@shop/jobs';
import type { Redis } from 'ioredis';
import type { ImageService } from './admin/image-service';
import type { CatalogCache } from './cache/catalog-cache';
import type { CatalogChanges } from './cache/catalog-changes';
import type { LoginLimits } from './accounts/login-limits';
import type { RegistrationLimit } from './accounts/registration-limit';
import type { CartStore } from './cart/cart-store';
import type { CheckoutLimits } from './checkout/checkout-limits';
import {
  admitRequests,
  AppError,
  handleErrors,
  instrument,
  isRedisUnavailable,
  requestIdOf,
  traceRequests,
  type Admission,
} from '@shop/http';
import { createMetrics } from './http/metrics';
import { refuseCrossSiteWrites, registerSessions } from '@shop/sessions';
import { addressRoutes } from './routes/addresses';
import { authRoutes } from './routes/auth';
import { cartRoutes } from './routes/cart';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';
import { eventRoutes } from './routes/events';
import { orderRoutes } from './routes/orders';
import { adminCacheRoutes } from './routes/admin-cache';
import { adminProductRoutes } from './routes/admin-products';
import { queueDashboardRoutes } from './routes/queue-dashboard';
import { sitemapRoutes } from './routes/sitemap';
import { adminOpsRoutes } from './routes/admin-ops';
import type { OpsReader } from './ops/ops-reader';
import { trendingRoutes } from './routes/trending';

export interface AppDeps {
  db: Db;
  /** Where the replica stands, for read-your-writes and the lag metric. */
  replica: ReplicaMonitor;
  /** Sessions, carts, limits and queues (persistent). */
  redis: Redis;
  /** Shopper events, hot lists and presence (may be a Redis of their own, without persistence). */
  eventsRedis: Redis;
  carts: CartStore;
  /** The catalog's cache tier (this process, Redis) in front of Postgres. */
  cache: CatalogCache;
  /** Tells every cache (this tier, the storefront, the edge) about committed catalog changes. */
  catalogChanges: CatalogChanges;
  /** The image service, asked what an uploaded picture is before a product shows it. */
  images: ImageService;
  loginLimits: LoginLimits;
  registrationLimit: RegistrationLimit;
  checkoutLimits: CheckoutLimits;
  session: {
    secret: string;
    idleSeconds: number;
    absoluteSeconds: number;
    /** Origins browsers reach the shop at; writes from any other are refused. */
    publicOrigins: string[];
  };
  /** Proxies (the edge) whose X-Forwarded-For names the client. */
  trustedProxies: string[];
  /** Requests handled at once per process, and waiting; the rest are answered 503 at once. */
  requestAdmission: { concurrency: number; queue: number };
  /**
   * Password hashing (sign-in, registration) has slots of its own, apart from request
   * admission: a flood of sign-ins cannot take the slots that browsing needs.
   */
  passwordHashing: Admission;
  /** Shopper events (views, heartbeats, adds to cart), batched onto the worker's stream. */
  events: EventRecorder;
  /** How often the worker folds events into the hot lists (a list older than 3 of these is stale). */
  hotFoldIntervalSeconds: number;
  /** The running shop in figures, from Prometheus, for the /ops page. */
  ops: OpsReader;
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
    // Only the edge tells the client address and scheme (it overwrites X-Forwarded-For): they
    // feed the per-address limits and Secure cookies.
    trustProxy: deps.trustedProxies,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  traceRequests(app, deps.instanceId);
  // Anything personal (cart, account, orders) must never sit in a shared cache.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  handleErrors(app, {
    translate: (error) =>
      isDatabaseUnavailable(error) || isRedisUnavailable(error)
        ? new AppError('SERVICE_BUSY', 'The shop is very busy; please try again.', undefined, {
            retryAfterSeconds: 2,
            cause: error,
          })
        : undefined,
  });
  refuseCrossSiteWrites(app, {
    publicOrigins: deps.session.publicOrigins,
    refusal: (message) => new AppError('CROSS_SITE_REQUEST', message),
  });
  await registerSessions(app, {
    redis: deps.redis,
    secret: deps.session.secret,
    idleSeconds: deps.session.idleSeconds,
    absoluteSeconds: deps.session.absoluteSeconds,
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Shopscale API',
        version: '1.0.0',
        description: 'The public HTTP contract of the shop (docs/API.md in the repository).',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const metrics = createMetrics(deps.replica, deps.passwordHashing, deps.instanceId);
  deps.cache.registerMetrics(metrics);
  admitRequests(app, deps.requestAdmission, metrics);
  instrument(app, metrics);
  await app.register(healthRoutes(deps));
  await app.register(catalogRoutes(deps));
  await app.register(sitemapRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(addressRoutes(deps));
  await app.register(cartRoutes(deps));
  await app.register(orderRoutes(deps));
  await app.register(trendingRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(queueDashboardRoutes(deps));
  await app.register(adminProductRoutes(deps));
  await app.register(adminCacheRoutes(deps));
  await app.register(adminOpsRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { admission: false } }, async () =>
    app.swagger(),
  );

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
