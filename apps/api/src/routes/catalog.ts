// GET /api/categories, GET /api/products, GET /api/products/:slug — the public catalog
import { category, errorBody, product, productListQuery, productPage, slug } from '@shop/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findProduct } from '../catalog/find-product';
import { listCategories } from '../catalog/list-categories';
import { listProducts } from '../catalog/list-products';
import { readShopCube } from '../catalog/product-facets';
import { searchProducts } from '../catalog/search-products';
import type { AppDeps } from '../app';
import { AppError } from '@shop/http';
import type { Cached, Readers } from '../cache/catalog-cache';
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

/**
 * The answer, saying in X-Cache which level of the cache tier gave it. What the cache holds is
 * sent as the JSON it keeps, not serialized again for every request.
 *
 * Answers are built by typed code (the domain's types), and catalog.test.ts checks every kind of
 * them against the contract's schemas. They are not parsed again on every fill: on a listing's
 * cache miss that check cost about 6 % of the API's CPU.
 */
function served<T>(reply: FastifyReply, cached: Cached<T>): T | FastifyReply {
  void reply.header('x-cache', cached.level);
  if (cached.json === undefined) return cached.value;
  return reply.type('application/json; charset=utf-8').send(cached.json);
}

export const catalogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { cache } = deps;
    const categoryList = z.array(category);

    app.get(
      '/api/categories',
      { schema: { tags: ['catalog'], response: { 200: categoryList } } },
      async (request, reply) => {
        cacheCatalog(request, reply);
        const load = async ({ prisma }: Readers) => listCategories(prisma);
        return served(
          reply,
          await cache.read({ kind: 'categories', key: 'all' }, load, request.session),
        );
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
        const { category: slug = '', q, sort, page, pageSize, price, inStock } = request.query;
        // The most popular order follows the hot lists, so it is kept one fold interval only.
        const ttlSeconds = sort === 'popular' ? deps.hotFoldIntervalSeconds : undefined;
        // A listing's facets come from the shop's facet cube, kept as one entry of its own
        // (counted apart from the pages in the cache's metrics): every filter, sort and page of
        // every listing sums it, and any change of a category's listings (a price, stock sold
        // out or back, a move) drops it with them.
        const shopCube = async () =>
          (
            await cache.read(
              { kind: 'facets', key: 'shop' },
              ({ sql }: Readers) => readShopCube(sql),
              request.session,
            )
          ).value;
        const load = async ({ sql }: Readers) =>
          request.query.q === undefined
            ? listProducts({ sql, redis: deps.eventsRedis }, request.query, await shopCube())
            : searchProducts(sql, request.query);
        // A search is a listing too: any catalog change drops it with the rest.
        const searched = q === undefined ? '' : `|q=${q.toLowerCase()}`;
        const narrowed = `|${price ?? ''}|${inStock ? 'in' : ''}`;
        return served(
          reply,
          await cache.read(
            {
              kind: 'listing',
              key: `${slug}|${sort}|${page}|${pageSize}${narrowed}${searched}`,
              ttlSeconds,
            },
            load,
            request.session,
          ),
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
        const { slug } = request.params;
        const load = async ({ sql }: Readers) => findProduct(sql, slug);
        // "No such product" is kept too: a flood of unknown slugs does not reach Postgres.
        const cached = await cache.read({ kind: 'product', slug }, load, request.session);
        if (!cached.value) {
          throw new AppError('PRODUCT_NOT_FOUND', `No product '${slug}'`, { field: 'slug' });
        }
        return served(reply, { ...cached, value: cached.value });
      },
    );
  };
