import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export interface DbOptions {
  primaryUrl: string;
  /** Streaming replica for reads; without one, reads go to the primary. */
  replicaUrl?: string | undefined;
  /** Shows in pg_stat_activity, so an operator can tell which process holds a connection. */
  applicationName: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

function createPool(url: string, options: DbOptions, role: 'primary' | 'replica') {
  return new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: `${options.applicationName}:${role}`,
    connectionTimeoutMillis: 2_000,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
    // The SQL reads are named statements, prepared once per connection to be planned once. By
    // default Postgres plans them again on every run whenever a plan made for the run's values
    // looks cheaper, which a page's OFFSET always makes it: half of a listing miss's time in
    // Postgres went to planning (bench:catalog's listing misses: 1.1 ms of Postgres CPU each,
    // 0.7 ms with this). Prisma's statements are unnamed and planned per run either way.
    options: '-c plan_cache_mode=force_generic_plan',
  });
}

/**
 * The shop's database: `replica` for reads, `primary` for writes, transactions and the reads
 * that must see a fresh write. Which one a read uses is the caller's explicit choice (see the
 * API's read-your-writes), so a reader never wonders where a query went.
 *
 * Each side is one `pg` pool, used by Prisma (through its driver adapter) and, under `sql`, by
 * the few hot reads written in SQL (the catalog's cache misses), where Prisma's own work per
 * query would cost more than Postgres's.
 */
export function createDb(options: DbOptions) {
  const primaryPool = createPool(options.primaryUrl, options, 'primary');
  const replicaPool = options.replicaUrl
    ? createPool(options.replicaUrl, options, 'replica')
    : primaryPool;
  const primary = new PrismaClient({ adapter: new PrismaPg(primaryPool) });
  const replica =
    replicaPool === primaryPool
      ? primary
      : new PrismaClient({ adapter: new PrismaPg(replicaPool) });
  return {
    primary,
    replica,
    sql: { primary: primaryPool as SqlReader, replica: replicaPool as SqlReader },
    /** Closes every connection (Prisma's and the pools'). */
    async close(): Promise<void> {
      await Promise.allSettled([primary.$disconnect(), replica.$disconnect()]);
      await Promise.allSettled(
        [...new Set([primaryPool, replicaPool])].map(async (pool) => pool.end()),
      );
    },
  };
}

export type Db = ReturnType<typeof createDb>;

/** What a read needs: the model delegates of either `db.replica` or `db.primary`. */
export type DbReader = Pick<
  PrismaClient,
  'category' | 'product' | 'user' | 'order' | 'orderLine' | 'savedAddress' | '$queryRaw'
>;

/** Plain SQL on either `db.sql.replica` or `db.sql.primary` (parameters as $1, $2, …). */
export type SqlReader = Pick<pg.Pool, 'query'>;
