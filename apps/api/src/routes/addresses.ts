// GET /api/account/addresses, DELETE /api/account/addresses/:id — the account's address book
import { errorBody, savedAddressList, savedAddressParams } from '@shop/domain';
import { AppError } from '@shop/http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAddresses } from '../addresses/list-addresses';
import { removeAddressOrThrow } from '../addresses/remove-address-or-throw';
import type { AppDeps } from '../app';
import { readerFor, rememberWrite } from '../http/read-your-writes';

function userIdOrThrow(request: FastifyRequest): string {
  const userId = request.session.get('userId');
  if (!userId) throw new AppError('UNAUTHENTICATED', 'Sign in to see your addresses');
  return userId;
}

export const addressRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/account/addresses',
      { schema: { tags: ['accounts'], response: { 200: savedAddressList, 401: errorBody } } },
      async (request) => {
        const userId = userIdOrThrow(request);
        const reader = readerFor(deps.db, deps.replica, request.session);
        return { items: await listAddresses(reader, userId) };
      },
    );

    app.delete(
      '/api/account/addresses/:id',
      {
        schema: {
          tags: ['accounts'],
          params: savedAddressParams,
          response: {
            204: z.undefined(),
            400: errorBody,
            401: errorBody,
            403: errorBody,
            404: errorBody,
          },
        },
      },
      async (request, reply) => {
        const userId = userIdOrThrow(request);
        await removeAddressOrThrow(deps.db, userId, request.params.id);
        await rememberWrite(deps.db, request.session);
        return reply.code(204).send();
      },
    );
  };
