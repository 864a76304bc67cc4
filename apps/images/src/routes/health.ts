// GET /img/healthz, GET /img/readyz — liveness and dependency readiness
import { checkWithin } from '@shop/http';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    // Health answers pass the edge's /img/ cache on their way: they must never be kept there.
    app.addHook('onSend', async (_request, reply, payload) => {
      void reply.header('cache-control', 'no-store');
      return payload;
    });

    app.get('/img/healthz', async () => ({ status: 'ok' as const, instance: deps.instanceId }));

    // Names the dependency that is down: S3 (the bucket) for every request, Redis for uploads.
    app.get('/img/readyz', async (_request, reply) => {
      const [s3, redis] = await Promise.all([
        checkWithin(() => deps.store.ping()),
        checkWithin(() => deps.redis.ping()),
      ]);
      const ready = s3 === 'up' && redis === 'up';
      void reply.code(ready ? 200 : 503);
      return {
        status: ready ? ('ready' as const) : ('not_ready' as const),
        instance: deps.instanceId,
        checks: { s3, redis },
      };
    });
  };
