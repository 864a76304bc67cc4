// GET /api/hot, GET /api/online — what is trending now, and who is here
import { errorBody, hotList, hotListQuery, onlineCounts, onlineQuery } from '@shop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app';
import { readerFor } from '../http/read-your-writes';
import { countOnline } from '../trending/count-online';
import { getHotList } from '../trending/get-hot-list';
import { cacheCatalog } from './catalog';

export const trendingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/hot',
      {
        schema: {
          tags: ['catalog'],
          querystring: hotListQuery,
          response: { 200: hotList, 400: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        cacheCatalog(request, reply, 5);
        return getHotList(
          {
            reader: readerFor(deps.db, deps.replica, request.session),
            redis: deps.eventsRedis,
            foldIntervalSeconds: deps.hotFoldIntervalSeconds,
          },
          request.query,
        );
      },
    );

    app.get(
      '/api/online',
      {
        schema: {
          tags: ['catalog'],
          querystring: onlineQuery,
          response: { 200: onlineCounts, 400: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        cacheCatalog(request, reply, 5);
        return countOnline(
          { reader: readerFor(deps.db, deps.replica, request.session), redis: deps.eventsRedis },
          request.query,
        );
      },
    );
  };
