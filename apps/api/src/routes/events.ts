// POST /api/events — a shopper event from the browser: a product view or a page heartbeat
import { errorBody, shopperEventBody } from '@shop/domain';
import { AppError } from '@shop/http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { visitorOf } from '../events/visitor-of';

/**
 * Events one session may send per minute to one API process (the count stays in the process's
 * memory); a page sends a view and a heartbeat every 30 s, far below it.
 */
const EVENTS_PER_MINUTE = 30;

export const eventRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // In memory, not Redis: recording must not cost the request path a round trip of its own.
    const perSession = new RateLimiterMemory({ points: EVENTS_PER_MINUTE, duration: 60 });

    app.post(
      '/api/events',
      {
        schema: {
          tags: ['catalog'],
          body: shopperEventBody,
          response: { 202: z.object({}), 400: errorBody, 403: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const visitor = visitorOf(request, deps.session.secret);
        try {
          await perSession.consume(visitor);
        } catch (refusal) {
          if (!(refusal instanceof RateLimiterRes)) throw refusal;
          throw new AppError('RATE_LIMITED', 'Too many events from this page', undefined, {
            retryAfterSeconds: refusal.msBeforeNext / 1000,
          });
        }
        deps.events.record({
          kind: request.body.kind,
          productId: request.body.productId ?? null,
          visitor,
          address: request.ip,
        });
        return reply.code(202).send({});
      },
    );
  };
