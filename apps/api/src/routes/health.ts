// GET /api/healthz, GET /api/readyz — liveness and dependency readiness
import { readReplicaLag } from '@shop/db';
import { checkWithin } from '@shop/http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { readinessOf } from '../http/readiness';

const readiness = z.object({
  status: z.enum(['ready', 'degraded', 'not_ready']),
  instance: z.string(),
  checks: z.object({
    primary: z.enum(['up', 'down']),
    replica: z.enum(['up', 'down']),
    redis: z.enum(['up', 'down']),
  }),
  replicaLag: z.object({ bytes: z.number(), seconds: z.number() }).nullable(),
});

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/healthz',
      {
        // Health answers however busy the process is: the edge and operators rely on them.
        config: { admission: false },
        schema: {
          tags: ['operations'],
          response: { 200: z.object({ status: z.literal('ok'), instance: z.string() }) },
        },
      },
      async () => ({ status: 'ok' as const, instance: deps.instanceId }),
    );

    app.get(
      '/api/readyz',
      {
        config: { admission: false },
        schema: { tags: ['operations'], response: { 200: readiness, 503: readiness } },
      },
      async (_request, reply) => {
        const [primary, replica, redis] = await Promise.all([
          checkWithin(() => deps.db.primary.$queryRaw`SELECT 1`),
          checkWithin(() => deps.db.replica.$queryRaw`SELECT 1`),
          checkWithin(() => deps.redis.ping()),
        ]);
        const replicaLag =
          primary === 'up' && replica === 'up'
            ? await readReplicaLag(deps.db).catch(() => null)
            : null;
        // Degraded still serves (200): the edge and orchestrators keep sending it traffic.
        const status = readinessOf({ primary, replica, redis });
        void reply.code(status === 'not_ready' ? 503 : 200).header('cache-control', 'no-store');
        return {
          status,
          instance: deps.instanceId,
          checks: { primary, replica, redis },
          replicaLag,
        };
      },
    );
  };
