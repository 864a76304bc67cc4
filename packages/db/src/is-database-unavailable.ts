import { Prisma } from './generated/prisma/client';

/**
 * Prisma error codes that mean "the database could not take this now", not "this request is
 * wrong": server unreachable (P1001), timed out (P1002, P1008), no pooled connection in time
 * (P2024), a transaction that could not start in time (P2028).
 */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P2024', 'P2028']);

/**
 * What pg and pg-pool say when no connection could be had in time, or one was lost: every
 * connection stayed busy past `connectionTimeoutMillis`, a new connection did not finish its
 * start-up in time (a busy machine), or the server went away.
 */
const CONNECTION_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
];

/**
 * Socket errors, and Postgres's own codes for "not now": shutting down (57P01-57P03), too many
 * connections (53300), out of memory or disk (53xxx).
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const SERVER_BUSY_CODES = /^(57P0[123]|53\d{3})$/;

function isConnectionFailure(error: Error): boolean {
  if (CONNECTION_MESSAGES.some((message) => error.message.includes(message))) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (CONNECTION_CODES.has(code) || SERVER_BUSY_CODES.test(code));
}

/**
 * True when a query failed because the database is down, overloaded or out of pooled connections:
 * the caller should answer "busy, try again" (503), never a 500. Driver errors may arrive
 * wrapped (Prisma's adapter keeps pg's error as the cause), so the causes are looked at too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; at = at.cause, depth++) {
    if (at instanceof Prisma.PrismaClientKnownRequestError) return UNAVAILABLE_CODES.has(at.code);
    if (at instanceof Prisma.PrismaClientInitializationError) return true;
    if (isConnectionFailure(at)) return true;
  }
  return false;
}
