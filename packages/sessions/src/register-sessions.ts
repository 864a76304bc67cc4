import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import RedisStore from 'connect-redis';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

declare module 'fastify' {
  interface Session {
    /** When the session began; it ends SESSION_ABSOLUTE_SECONDS later however active. */
    startedAt?: number;
    userId?: string;
    role?: 'customer' | 'admin';
    /** The Redis cart this session fills: a guest's own, or the signed-in user's. */
    cartId?: string;
    /** Orders this session placed, so a guest can see their own orders. */
    orderIds?: string[];
    /** WAL position of this session's last write; reads use the primary until the replica passes it. */
    writtenLsn?: string;
  }
}

export const SESSION_COOKIE = 'shop_sid';

export interface SessionOptions {
  redis: Redis;
  secret: string;
  idleSeconds: number;
  absoluteSeconds: number;
}

/**
 * Sessions live in Redis under an opaque 192-bit random id carried in an HttpOnly, SameSite=Lax
 * cookie (Secure when the edge says the request came over TLS), so any replica serves any
 * session. Idle sessions expire with the cookie (rolling); every session ends after an absolute
 * lifetime.
 */
export async function registerSessions(app: FastifyInstance, options: SessionOptions) {
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.secret,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    rolling: true,
    store: new RedisStore({ client: options.redis, prefix: 'sess:', ttl: options.idleSeconds }),
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: options.idleSeconds * 1000,
    },
  });

  app.addHook('preHandler', async (request) => {
    const { session } = request;
    const startedAt = session.get('startedAt');
    if (startedAt !== undefined && Date.now() - startedAt > options.absoluteSeconds * 1000) {
      await session.regenerate();
    }
  });
}

export { refuseCrossSiteWrites } from './refuse-cross-site-writes';
export { requireAdmin } from './require-admin';
export { sessionSettings } from './session-settings';
