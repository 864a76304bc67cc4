// GET /api/categories, GET /api/products, GET /api/products/:slug — the public catalog
import { category, errorBody, product, productListQuery, productPage, slug } from '@shop/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProductOrThrow } from '../catalog/get-product-or-throw';
import { listCategories } from '../catalog/list-categories';
import { listProducts } from '../catalog/list-products';
import type { AppDeps } from '../app';
import { readerFor } from '../http/read-your-writes';
import { SESSION_COOKIE } from '@shop/sessions';

/**
 * Shared caches may keep anonymous catalog answers briefly. A request with a session may get a
 * refreshed session cookie back, and a shared cache must never store a Set-Cookie.
 */
export function cacheCatalog(request: FastifyRequest, reply: FastifyReply, maxAge = 30): void {
  const personal = request.cookies[SESSION_COOKIE] !== undefined;
  void reply.header(
    'cache-control',
    personal
      ? `private, max-age=${maxAge}`
      : `public, max-age=${maxAge}, stale-while-revalidate=${2 * maxAge}`,
  );
}

export const catalogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/categories',
      { schema: { tags: ['catalog'], response: { 200: z.array(category) } } },
      async (request, reply) => {
        cacheCatalog(request, reply);
        return listCategories(readerFor(deps.db, deps.replica, request.session));
      },
    );

    app.get(
      '/api/products',
      {
        schema: {
          tags: ['catalog'],
          querystring: productListQuery,
          response: { 200: productPage, 400: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        cacheCatalog(request, reply);
        return listProducts(
          { reader: readerFor(deps.db, deps.replica, request.session), redis: deps.eventsRedis },
          request.query,
        );
      },
    );

    app.get(
      '/api/products/:slug',
      {
        schema: {
          tags: ['catalog'],
          params: z.object({ slug }),
          response: { 200: product, 400: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        cacheCatalog(request, reply);
        return getProductOrThrow(
          readerFor(deps.db, deps.replica, request.session),
          request.params.slug,
        );
      },
    );
  };
