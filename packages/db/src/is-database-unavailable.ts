import { Prisma } from './generated/prisma/client';

/**
 * Prisma error codes that mean "the database could not take this now", not "this request is
 * wrong": server unreachable (P1001), timed out (P1002, P1008), no pooled connection in time
 * (P2024), a transaction that could not start in time (P2028).
 */
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P2024', 'P2028']);

/** pg-pool's own error when every connection stayed busy past `connectionTimeoutMillis`. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * True when a query failed because the database is down, overloaded or out of pooled connections:
 * the caller should answer "busy, try again" (503), never a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    return UNAVAILABLE_CODES.has(error.code);
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  return error instanceof Error && error.message.includes(POOL_TIMEOUT);
}
