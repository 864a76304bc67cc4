// POST /api/orders, GET /api/orders, GET /api/orders/:id — checkout and order history
import { errorBody, idempotencyKey, orderEnvelope, orderList, placeOrderBody } from '@shop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { cartIdOf } from '../cart/change-cart';
import { checkOutCart } from '../checkout/check-out-cart';
import { AppError } from '@shop/http';
import { readerFor, rememberWrite } from '../http/read-your-writes';
import { getOrderOrThrow } from '../orders/get-order-or-throw';
import { listOrders } from '../orders/list-orders';

const MAX_SESSION_ORDERS = 50;

export const orderRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orders',
      {
        schema: {
          tags: ['orders'],
          headers: z.object({ 'idempotency-key': idempotencyKey }),
          body: placeOrderBody,
          response: {
            200: orderEnvelope,
            201: orderEnvelope,
            400: errorBody,
            403: errorBody,
            409: errorBody,
            422: errorBody,
            429: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        const { session } = request;
        const userId = session.get('userId');
        const result = await checkOutCart(
          { db: deps.db, carts: deps.carts, limits: deps.checkoutLimits, log: request.log },
          {
            idempotencyKey: request.headers['idempotency-key'],
            body: request.body,
            userId,
            cartId: cartIdOf(session),
            shopper: userId ? `user:${userId}` : `session:${session.sessionId}`,
            address: request.ip,
          },
        );
        const placed = session.get('orderIds') ?? [];
        if (!placed.includes(result.order.id)) {
          session.set('orderIds', [result.order.id, ...placed].slice(0, MAX_SESSION_ORDERS));
        }
        const writtenAt = await rememberWrite(deps.db, session);
        if (result.change) await deps.catalogChanges.changed(result.change, writtenAt);
        return reply.code(result.created ? 201 : 200).send({ order: result.order });
      },
    );

    app.get(
      '/api/orders',
      { schema: { tags: ['orders'], response: { 200: orderList, 401: errorBody } } },
      async (request) => {
        const userId = request.session.get('userId');
        if (!userId) throw new AppError('UNAUTHENTICATED', 'Sign in to see your orders');
        const reader = readerFor(deps.db, deps.replica, request.session);
        return { items: await listOrders(reader, userId) };
      },
    );

    app.get(
      '/api/orders/:id',
      {
        schema: {
          tags: ['orders'],
          params: z.object({ id: z.uuid({ error: 'must be an order id' }) }),
          response: { 200: orderEnvelope, 400: errorBody, 404: errorBody },
        },
      },
      async (request) => {
        const { session } = request;
        const reader = readerFor(deps.db, deps.replica, session);
        const order = await getOrderOrThrow(reader, request.params.id, {
          userId: session.get('userId'),
          sessionOrderIds: session.get('orderIds') ?? [],
        });
        return { order };
      },
    );
  };
