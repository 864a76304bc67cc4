// GET /api/cart, POST /api/cart/items, PATCH|DELETE /api/cart/items/:productId — the session's cart
import { addCartItemBody, cart, errorBody, productId, setCartQuantityBody } from '@shop/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { addToCart, setCartQuantity } from '../cart/change-cart';
import { getCart } from '../cart/get-cart';
import { visitorOf } from '../events/visitor-of';
import { readerFor } from '../http/read-your-writes';

const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const lineParams = z.object({ productId });

export const cartRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const current = (request: FastifyRequest) =>
      getCart(
        readerFor(deps.db, deps.replica, request.session),
        deps.carts,
        request.session.get('cartId'),
      );

    app.get('/api/cart', { schema: { tags: ['cart'], response: { 200: cart } } }, async (request) =>
      current(request),
    );

    app.post(
      '/api/cart/items',
      { schema: { tags: ['cart'], body: addCartItemBody, response: { 200: cart, ...errors } } },
      async (request) => {
        const reader = readerFor(deps.db, deps.replica, request.session);
        await addToCart(
          reader,
          deps.carts,
          request.session,
          request.body.productId,
          request.body.quantity,
        );
        deps.events.record({
          kind: 'cart',
          productId: request.body.productId,
          visitor: visitorOf(request, deps.session.secret),
          address: request.ip,
        });
        return current(request);
      },
    );

    app.patch(
      '/api/cart/items/:productId',
      {
        schema: {
          tags: ['cart'],
          params: lineParams,
          body: setCartQuantityBody,
          response: { 200: cart, ...errors },
        },
      },
      async (request) => {
        await setCartQuantity(
          readerFor(deps.db, deps.replica, request.session),
          deps.carts,
          request.session,
          request.params.productId,
          request.body.quantity,
        );
        return current(request);
      },
    );

    app.delete(
      '/api/cart/items/:productId',
      { schema: { tags: ['cart'], params: lineParams, response: { 200: cart, ...errors } } },
      async (request) => {
        const cartId = request.session.get('cartId');
        if (cartId) await deps.carts.remove(cartId, request.params.productId);
        return current(request);
      },
    );
  };
