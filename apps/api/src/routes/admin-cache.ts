// POST /api/admin/cache/flush — forget everything the catalog's cache tier holds, in every API
// process: for changes made around the admin API (a bulk import in SQL, a restore). Admins only.
import { errorBody } from '@shop/domain';
import { requireAdmin } from '@shop/sessions';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';

const WHAT = 'to flush the catalog cache';

export const adminCacheRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/admin/cache/flush',
      {
        onRequest: async (request: FastifyRequest) => requireAdmin(request, WHAT),
        preHandler: async (request: FastifyRequest) => requireAdmin(request, WHAT),
        schema: {
          tags: ['admin'],
          response: {
            200: z.object({ flushed: z.literal(true), epoch: z.number().int() }),
            401: errorBody,
            403: errorBody,
            503: errorBody,
          },
        },
      },
      async () => ({ flushed: true as const, epoch: await deps.cache.flush() }),
    );
  };
