import { PrismaPg } from '@prisma/adapter-pg';
import { readReplicas } from '@prisma/extension-read-replicas';
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
 * The shop's database: queries go to the replica, writes and transactions to the primary
 * (`db.$primary()` forces the primary for a read that must see a fresh write).
 */
export function createDb(options: DbOptions) {
  const primary = createClient(options.primaryUrl, options, 'primary');
  const replica = options.replicaUrl
    ? createClient(options.replicaUrl, options, 'replica')
    : primary;
  const client = primary.$extends(readReplicas({ replicas: [replica] }));
  return { client, primary, replica };
}

export type Db = ReturnType<typeof createDb>;
