import type { Db, DbReader, ReplicaMonitor } from '@shop/db';
import type { FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';

type Session = FastifyRequest['session'];

/**
 * Reads sent to the primary instead of the replica, by why: this session's own write not
 * replayed yet (read-your-writes), a catalog change not replayed yet, or the replica unusable
 * (down or too far behind). Registered in each process's registry by createMetrics.
 */
export const primaryReads = new Counter({
  name: 'shop_primary_reads_total',
  help: 'Reads sent to the primary instead of the replica, by reason (read_your_writes, change_not_replayed, replica_unusable)',
  labelNames: ['reason'],
  registers: [],
});

/**
 * Where this session's reads go. Everyone reads from the replica, except a session that wrote
 * something the replica has not replayed yet (it reads from the primary until it has), and
 * everybody when the replica is down or too far behind.
 */
export function readerFor(db: Db, replica: ReplicaMonitor, session: Session): DbReader {
  if (!replica.usable()) {
    primaryReads.inc({ reason: 'replica_unusable' });
    return db.primary;
  }
  const written = session.get('writtenLsn');
  if (written === undefined) return db.replica;
  if (replica.hasReplayed(written)) {
    session.set('writtenLsn', undefined);
    return db.replica;
  }
  primaryReads.inc({ reason: 'read_your_writes' });
  return db.primary;
}

/** The primary's current WAL position: past every transaction committed before the call. */
export async function walPosition(db: Db): Promise<string> {
  const [row] = await db.primary.$queryRaw<
    { lsn: string }[]
  >`SELECT pg_current_wal_lsn()::text AS lsn`;
  if (!row) throw new Error('no WAL position from the primary');
  return row.lsn;
}

/**
 * Records that this session just committed a write, at the primary's current WAL position
 * (returned, for whoever else needs to know where the write stands).
 */
export async function rememberWrite(db: Db, session: Session): Promise<string> {
  const lsn = await walPosition(db);
  session.set('writtenLsn', lsn);
  return lsn;
}
