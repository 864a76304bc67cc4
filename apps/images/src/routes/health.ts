// GET /img/healthz, GET /img/readyz — liveness and dependency readiness
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';

const CHECK_TIMEOUT_MS = 1_000;

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/img/healthz', async () => ({ status: 'ok' as const, instance: deps.instanceId }));

    // Names the dependency that is down: S3 (the bucket) for every request, Redis for uploads.
    app.get('/img/readyz', async (_request, reply) => {
      const [s3, redis] = await Promise.all([
        check(() => deps.store.ping()),
        check(() => deps.redis.ping()),
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
