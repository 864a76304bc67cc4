// GET /api/admin/ops — the running shop in figures (Prometheus' recording rules, shoppers
// online) for the storefront's /ops page, which asks every two seconds. Admins only.
import { errorBody, opsSnapshot } from '@shop/domain';
import { requireAdmin } from '@shop/sessions';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app';

const WHAT = 'to see the running shop';

export const adminOpsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/admin/ops',
      {
        // Answered however busy the replica is: operators look at it when the shop is struggling.
        config: { admission: false },
        onRequest: async (request: FastifyRequest) => requireAdmin(request, WHAT),
        preHandler: async (request: FastifyRequest) => requireAdmin(request, WHAT),
        schema: {
          tags: ['admin'],
          response: { 200: opsSnapshot, 401: errorBody, 403: errorBody },
        },
      },
      async (_request, reply) => {
        void reply.header('cache-control', 'no-store');
        return deps.ops.read();
      },
    );
  };
