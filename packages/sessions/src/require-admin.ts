import { AppError } from '@shop/http';
import type { FastifyRequest } from 'fastify';

/**
 * Throws unless the request's session is signed in as an admin: 401 UNAUTHENTICATED for a
 * guest, 403 FORBIDDEN for anyone else. The role comes from the session store, never from the
 * request. Needs the session plugin in the caller's scope (registerSessions); `what` finishes
 * the messages ("to upload images").
 */
export function requireAdmin(request: FastifyRequest, what: string): void {
  if (request.session.get('userId') === undefined) {
    throw new AppError('UNAUTHENTICATED', `Sign in as an admin ${what}`);
  }
  if (request.session.get('role') !== 'admin') {
    throw new AppError('FORBIDDEN', `Only admins may ${what.replace(/^to /, '')}`);
  }
}
