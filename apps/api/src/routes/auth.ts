// POST /api/auth/register, POST /api/auth/login, POST /api/auth/logout, GET /api/me,
// GET /api/session — accounts
import { errorBody, loginBody, registerBody, sessionEnvelope, userEnvelope } from '@shop/domain';
import { AppError } from '@shop/http';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCredentialsOrThrow } from '../accounts/check-credentials';
import { registerAccount } from '../accounts/register-account';
import { signIn } from '../accounts/sign-in';
import { toUser } from '../accounts/to-user';
import type { AppDeps } from '../app';
import { readerFor, rememberWrite } from '../http/read-your-writes';

const errors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  409: errorBody,
  429: errorBody,
  503: errorBody,
};

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/register',
      {
        // Bounded by the password-hashing admission inside (deps.passwordHashing), not here.
        config: { admission: false },
        schema: {
          tags: ['accounts'],
          body: registerBody,
          response: { 201: userEnvelope, ...errors },
        },
      },
      async (request, reply) => {
        const user = await registerAccount(deps, request.body, request.ip);
        await signIn(request, deps, user);
        await rememberWrite(deps.db, request.session);
        return reply.code(201).send({ user });
      },
    );

    app.post(
      '/api/auth/login',
      {
        config: { admission: false },
        schema: { tags: ['accounts'], body: loginBody, response: { 200: userEnvelope, ...errors } },
      },
      async (request) => {
        const user = await checkCredentialsOrThrow(deps, request.body, request.ip);
        await signIn(request, deps, user);
        return { user };
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['accounts'], response: { 204: z.undefined(), 403: errorBody } } },
      async (request, reply) => {
        await request.session.destroy();
        return reply.code(204).send();
      },
    );

    /** The signed-in user, or null for a guest (a session whose account is gone included). */
    const currentUser = async (request: FastifyRequest) => {
      const userId = request.session.get('userId');
      const row = userId
        ? await readerFor(deps.db, deps.replica, request.session).user.findUnique({
            where: { id: userId },
          })
        : null;
      return row ? toUser(row) : null;
    };

    app.get(
      '/api/me',
      { schema: { tags: ['accounts'], response: { 200: userEnvelope, 401: errorBody } } },
      async (request) => {
        const user = await currentUser(request);
        if (!user) throw new AppError('UNAUTHENTICATED', 'Not signed in');
        return { user };
      },
    );

    // The storefront's header asks this on every page: a guest is an answer, not an error
    // (a 401 would be logged in every guest's browser console).
    app.get(
      '/api/session',
      { schema: { tags: ['accounts'], response: { 200: sessionEnvelope } } },
      async (request) => ({ user: await currentUser(request) }),
    );
  };
