import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import type { Db } from '@shop/db';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { handleErrors } from './http/handle-errors';
import { createMetrics, instrument } from './http/metrics';
import { catalogRoutes } from './routes/catalog';
import { healthRoutes } from './routes/health';

export interface AppDeps {
  db: Db;
  redis: Redis;
  /** This replica's name, sent as X-Served-By. */
  instanceId: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Builds the API without listening, so tests can `inject()` and server.ts can `listen()`. */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({
    logger,
    // Keep the edge's request id (X-Request-Id) when it is well formed, else make one.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 64 * 1024,
    connectionTimeout: 10_000,
    requestTimeout: 15_000,
    // Longer than the edge's upstream keepalive, so nginx closes idle connections first.
    keepAliveTimeout: 75_000,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-served-by', deps.instanceId).header('x-request-id', request.id);
  });
  handleErrors(app);

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

  instrument(app, createMetrics(deps.db, deps.instanceId));
  await app.register(healthRoutes(deps));
  await app.register(catalogRoutes(deps));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
