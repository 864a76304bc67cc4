// GET /api/sitemap/products — every product's slug and last change, 10,000 a page, for sitemaps
import { errorBody, sitemapProductPage, sitemapProductsQuery } from '@shop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app';
import { primaryReads } from '../http/read-your-writes';
import { listSitemapProducts } from '../catalog/list-sitemap-products';
import { cacheCatalog } from './catalog';

/** Seconds a page may be kept: crawlers read sitemaps a few times a day at most. */
const SITEMAP_MAX_AGE = 300;

export const sitemapRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/sitemap/products',
      {
        schema: {
          tags: ['catalog'],
          querystring: sitemapProductsQuery,
          response: { 200: sitemapProductPage, 400: errorBody },
        },
      },
      async (request, reply) => {
        cacheCatalog(request, reply, SITEMAP_MAX_AGE);
        // Nobody's own writes are in a sitemap: the replica answers unless it is unusable. Kept
        // out of the catalog's cache tier: the storefront's data cache holds each page.
        const usable = deps.replica.usable();
        if (!usable) primaryReads.inc({ reason: 'replica_unusable' });
        const sql = usable ? deps.db.sql.replica : deps.db.sql.primary;
        return listSitemapProducts(sql, request.query.page);
      },
    );
  };
