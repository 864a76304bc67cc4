// POST /api/auth/register, POST /api/auth/login, POST /api/auth/logout, GET /api/me — accounts
import { Prisma } from '@shop/db';
import { errorBody, loginBody, registerBody, userEnvelope } from '@shop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@shop/passwords';
import { signIn } from '../accounts/sign-in';
import { toUser } from '../accounts/to-user';
import type { AppDeps } from '../app';
import { AppError } from '@shop/http';
import { readerFor, rememberWrite } from '../http/read-your-writes';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody, 429: errorBody };

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/register',
      {
        schema: {
          tags: ['accounts'],
          body: registerBody,
          response: { 201: userEnvelope, ...errors },
        },
      },
      async (request, reply) => {
        const { email, password, name } = request.body;
        const passwordHash = await hashPassword(password);
        let row;
        try {
          row = await deps.db.primary.user.create({ data: { email, name, passwordHash } });
        } catch (error) {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
            throw new AppError('EMAIL_TAKEN', 'An account with this email exists', {
              field: 'email',
            });
          }
          throw error;
        }
        const user = toUser(row);
        await signIn(request, deps, user);
        await rememberWrite(deps.db, request.session);
        return reply.code(201).send({ user });
      },
    );

    app.post(
      '/api/auth/login',
      {
        schema: { tags: ['accounts'], body: loginBody, response: { 200: userEnvelope, ...errors } },
      },
      async (request) => {
        const { email, password } = request.body;
        await deps.loginLimits.check(email, request.ip);
        // Credentials are checked on the primary: a password just changed must count at once.
        const row = await deps.db.primary.user.findUnique({ where: { email } });
        if (!(await verifyPassword(row?.passwordHash, password)) || !row) {
          await deps.loginLimits.recordFailure(email, request.ip);
          // The same answer whether the email exists or not.
          throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
        }
        await deps.loginLimits.recordSuccess(email);
        const user = toUser(row);
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

    app.get(
      '/api/me',
      { schema: { tags: ['accounts'], response: { 200: userEnvelope, 401: errorBody } } },
      async (request) => {
        const userId = request.session.get('userId');
        const row = userId
          ? await readerFor(deps.db, deps.replica, request.session).user.findUnique({
              where: { id: userId },
            })
          : null;
        if (!row) throw new AppError('UNAUTHENTICATED', 'Not signed in');
        return { user: toUser(row) };
      },
    );
  };
