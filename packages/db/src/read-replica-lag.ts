import type { Db } from './create-db';

export interface ReplicaLag {
  /** WAL bytes the primary has written that the replica has not replayed yet. */
  bytes: number;
  /** Age of the last replayed transaction while the replica is behind; 0 when caught up. */
  seconds: number;
}

/**
 * Measures how far the replica trails the primary. Reads the primary's WAL position, then asks
 * the replica how much of it it has replayed, so the figure is never optimistic.
 */
export async function readReplicaLag(db: Db): Promise<ReplicaLag> {
  const [head] = await db.primary.$queryRaw<{ lsn: string }[]>`
    SELECT pg_current_wal_lsn()::text AS lsn`;
  if (!head) throw new Error('primary returned no WAL position');
  const [row] = await db.replica.$queryRaw<{ bytes: number | null; seconds: number | null }[]>`
    SELECT GREATEST(pg_wal_lsn_diff(${head.lsn}::pg_lsn, pg_last_wal_replay_lsn()), 0)::float8 AS bytes,
           EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS seconds`;
  const bytes = row?.bytes ?? 0;
  return { bytes, seconds: bytes > 0 ? Math.max(row?.seconds ?? 0, 0) : 0 };
}
