// GET /api/categories, GET /api/products, GET /api/products/:slug — the public catalog
import { category, errorBody, product, productListQuery, productPage, slug } from '@shop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProductOrThrow } from '../catalog/get-product-or-throw';
import { listCategories } from '../catalog/list-categories';
import { listProducts } from '../catalog/list-products';
import type { AppDeps } from '../app';

// Shared caches may keep catalog answers briefly; the storefront revalidates on its own clock.
const CATALOG_CACHE = 'public, max-age=30, stale-while-revalidate=60';

export const catalogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/categories',
      { schema: { tags: ['catalog'], response: { 200: z.array(category) } } },
      async (_request, reply) => {
        void reply.header('cache-control', CATALOG_CACHE);
        return listCategories(deps.db);
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
        void reply.header('cache-control', CATALOG_CACHE);
        return listProducts(deps.db, request.query);
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
        void reply.header('cache-control', CATALOG_CACHE);
        return getProductOrThrow(deps.db, request.params.slug);
      },
    );
  };
