import type { FastifyRequest } from 'fastify';
import { AppError } from '@shop/http';

/**
 * Throws unless the request's session is signed in as an admin. Needs the session plugin
 * registered in the caller's scope (`registerSessions` of @shop/sessions).
 */
export function requireAdmin(request: FastifyRequest): void {
  if (request.session.get('userId') === undefined) {
    throw new AppError('UNAUTHENTICATED', 'Sign in as an admin to upload images');
  }
  if (request.session.get('role') !== 'admin') {
    throw new AppError('FORBIDDEN', 'Only admins may upload images');
  }
}
