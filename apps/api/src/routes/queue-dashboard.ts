// GET /api/admin/queues — the queue dashboard (bull-board) of the worker's queues, admins only
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { queueRedisOptions } from '@shop/http';
import { requireAdmin } from '@shop/sessions';
import { QUEUE_PREFIX, queues } from '@shop/jobs';
import { Queue } from 'bullmq';
import type { FastifyPluginAsync } from 'fastify';
import type { Redis } from 'ioredis';

export const QUEUE_DASHBOARD_PATH = '/api/admin/queues';

/**
 * The dashboard's pages, assets and JSON API, every one of them under QUEUE_DASHBOARD_PATH and
 * behind requireAdmin (a hook of this plugin, so it runs before each of bull-board's routes,
 * which are registered inside it). Its queues share one Redis connection with BullMQ's settings.
 */
export const queueDashboardRoutes =
  (deps: { redis: Redis }): FastifyPluginAsync =>
  async (app) => {
    const connection = deps.redis.duplicate(queueRedisOptions);
    connection.on('error', (err: Error) =>
      app.log.warn({ err: err.message }, 'queue dashboard redis error'),
    );
    const board = Object.values(queues).map((name) => {
      const queue = new Queue(name, { connection, prefix: QUEUE_PREFIX });
      queue.on('error', (err) => app.log.warn({ err: err.message, queue: name }, 'queue error'));
      return queue;
    });

    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      queues: board.map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Shopscale queues' } },
    });
    // bull-board answers errors in a shape of its own (with their messages); thrown on, they
    // reach the API's one error handler: the guard's 401/403 in the API's shape, anything else
    // logged with the request id and answered without details.
    serverAdapter.setErrorHandler((error) => {
      throw error;
    });

    // bull-board has no authentication of its own: this guard is all that keeps it for admins.
    app.addHook('preHandler', async (request) => requireAdmin(request, 'to see the queues'));
    await app.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
    app.addHook('onClose', async () => {
      await Promise.allSettled(board.map((queue) => queue.close()));
      connection.disconnect();
    });
  };
