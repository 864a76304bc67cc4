import type { Db } from './create-db';

/** "16/B374D848" → 0x16B374D848: a WAL position as a comparable number. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  if (high === undefined || low === undefined) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export interface ReplicaMonitorOptions {
  /** How often to ask primary and replica for their WAL positions. */
  intervalMs?: number;
  /** A replica further behind than this (or unreachable) is skipped: reads go to the primary. */
  maxLagSeconds?: number;
  now?: () => number;
}

/**
 * Knows, without a query per request, how far the replica has replayed the primary's WAL.
 * Read-your-writes compares a session's last commit position with `replayed`; lag is measured
 * as the time since the replica last caught up with the primary, so an idle shop has lag 0.
 */
export class ReplicaMonitor {
  private replayed: bigint | null = null;
  private primaryHead: bigint | null = null;
  private caughtUpAt: number;
  private polledAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly maxLagSeconds: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    options: ReplicaMonitorOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.maxLagSeconds = options.maxLagSeconds ?? 5;
    this.now = options.now ?? Date.now;
    this.caughtUpAt = this.now();
  }

  start(): this {
    // Without a replica (reads go to the primary) there is nothing to follow.
    if (this.db.replica === this.db.primary) return this;
    const tick = () => {
      void this.poll().finally(() => {
        this.timer = setTimeout(tick, this.intervalMs);
        this.timer.unref();
      });
    };
    tick();
    return this;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  async poll(): Promise<void> {
    try {
      const [head] = await this.db.primary.$queryRaw<{ lsn: string }[]>`
        SELECT pg_current_wal_lsn()::text AS lsn`;
      const [replica] = await this.db.replica.$queryRaw<{ lsn: string | null }[]>`
        SELECT pg_last_wal_replay_lsn()::text AS lsn`;
      if (!head || !replica?.lsn) throw new Error('no WAL positions');
      this.primaryHead = parseLsn(head.lsn);
      this.replayed = parseLsn(replica.lsn);
      this.polledAt = this.now();
      if (this.replayed >= this.primaryHead) this.caughtUpAt = this.polledAt;
    } catch {
      this.replayed = null;
    }
  }

  /** Seconds since the replica was last seen caught up; null when it cannot be reached. */
  lagSeconds(): number | null {
    if (this.replayed === null) return null;
    if (this.primaryHead !== null && this.replayed >= this.primaryHead) return 0;
    return (this.now() - this.caughtUpAt) / 1000;
  }

  /** WAL bytes the primary had written, at the last poll, that the replica had not replayed. */
  lagBytes(): number | null {
    if (this.replayed === null || this.primaryHead === null) return null;
    const behind = this.primaryHead - this.replayed;
    return behind > 0n ? Number(behind) : 0;
  }

  /** The replica answers, was polled recently and is within the lag bound. */
  usable(): boolean {
    const lag = this.lagSeconds();
    const fresh = this.now() - this.polledAt < Math.max(this.intervalMs * 10, 2_000);
    return lag !== null && fresh && lag <= this.maxLagSeconds;
  }

  /** True once the replica has replayed past `lsn` (a position taken after a commit). */
  hasReplayed(lsn: string): boolean {
    return this.replayed !== null && this.replayed >= parseLsn(lsn);
  }
}
