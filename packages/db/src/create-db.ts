import { PrismaPg } from '@prisma/adapter-pg';
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

function createClient(url: string, options: DbOptions, role: 'primary' | 'replica') {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: `${options.applicationName}:${role}`,
    connectionTimeoutMillis: 2_000,
    statement_timeout: options.statementTimeoutMs ?? 5_000,
  });
  return new PrismaClient({ adapter });
}

/**
 * The shop's database: `replica` for reads, `primary` for writes, transactions and the reads
 * that must see a fresh write. Which one a read uses is the caller's explicit choice (see the
 * API's read-your-writes), so a reader never wonders where a query went.
 */
export function createDb(options: DbOptions) {
  const primary = createClient(options.primaryUrl, options, 'primary');
  const replica = options.replicaUrl
    ? createClient(options.replicaUrl, options, 'replica')
    : primary;
  return { primary, replica };
}

export type Db = ReturnType<typeof createDb>;

/** What a read needs: the model delegates of either `db.replica` or `db.primary`. */
export type DbReader = Pick<
  PrismaClient,
  'category' | 'product' | 'user' | 'order' | 'orderLine' | '$queryRaw'
>;
