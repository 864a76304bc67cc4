import type { Db } from '@shop/db';
import { checkWithin, handleErrors, instrument, requestIdOf } from '@shop/http';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';

export interface AppDeps {
  db: Db;
  redis: Redis;
  metrics: Registry;
  /** Whether this process's BullMQ workers are running (false while starting or stopping). */
  workersRunning: () => boolean;
  instanceId: string;
}

/**
 * The worker's own HTTP face: liveness, readiness and metrics, on its own port (never routed by
 * the edge). Its work arrives through the queues, not through here.
 */
export async function buildApp(deps: AppDeps, logger: FastifyServerOptions['logger'] = false) {
  const app = Fastify({ logger, disableRequestLogging: true, genReqId: requestIdOf });
  handleErrors(app);
  instrument(app, deps.metrics);

  app.get('/healthz', async () => ({ status: 'ok' as const, instance: deps.instanceId }));

  app.get('/readyz', async (_request, reply) => {
    const [primary, replica, redis] = await Promise.all([
      checkWithin(() => deps.db.primary.$queryRaw`SELECT 1`),
      checkWithin(() => deps.db.replica.$queryRaw`SELECT 1`),
      checkWithin(() => deps.redis.ping()),
    ]);
    const workers = deps.workersRunning() ? 'up' : 'down';
    const ready = primary === 'up' && redis === 'up' && workers === 'up';
    void reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
    return {
      status: ready ? 'ready' : 'not_ready',
      instance: deps.instanceId,
      // The replica is only read for product categories; the primary serves if it is away.
      checks: { primary, replica, redis, workers },
    };
  });

  return app;
}
