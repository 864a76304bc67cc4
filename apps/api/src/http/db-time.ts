import { fastifyRequestContext, requestContext } from '@fastify/request-context';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A request's time in Postgres: its queries, and their durations summed (ms). */
interface DbTime {
  queries: number;
  ms: number;
}

declare module '@fastify/request-context' {
  interface RequestContextData {
    db: DbTime;
  }
}

/** Gives every request a database-time counter that its queries add to (see countQuery). */
export async function timeDbPerRequest(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRequestContext, {
    defaultStoreValues: () => ({ db: { queries: 0, ms: 0 } }),
  });
}

/** createDb's onQuery: adds a query to the request it ran for (none for background work). */
export function countQuery(ms: number): void {
  const db = requestContext.get('db');
  if (!db) return;
  db.queries += 1;
  db.ms += ms;
}

/** The request log line's database fields: `dbQueries` and `dbMs`, when it asked Postgres. */
export function dbTimeOf(request: FastifyRequest): Record<string, number> {
  const db = request.requestContext.get('db');
  if (!db || db.queries === 0) return {};
  return { dbQueries: db.queries, dbMs: Math.round(db.ms * 10) / 10 };
}
