import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The key events name a visitor by: a digest of the session id (never the id itself, which is a
 * bearer credential), so the same browser is the same visitor on every replica. A browser without
 * a session gets one now; the answer sets its cookie.
 */
export function visitorOf(request: FastifyRequest, secret: string): string {
  const { session } = request;
  if (session.get('startedAt') === undefined) session.set('startedAt', Date.now());
  return createHash('sha256')
    .update(`${secret}:${session.sessionId}`)
    .digest('base64url')
    .slice(0, 22);
}
