import type { Db } from '@shop/db';
import type { ClaimedRow, OutboxStore } from './deliver-order-placed';
import { ORDER_PLACED } from './order-placed';

interface ClaimedRecord {
  id: bigint;
  attempts: number;
  created_at: Date;
  payload: unknown;
  purchases_recorded_at: Date | null;
  mail_sending_at: Date | null;
  mailed_at: Date | null;
}

/**
 * The outbox in Postgres (the primary). Leases are compared with the database's clock, one clock
 * for every relay. A claim is one statement: SKIP LOCKED lets two relays claim at once without
 * waiting on each other's rows, and a row claimed and committed by one is not free for the other
 * until its lease ends. Each claim adds one to `attempts`: that number fences the marks below.
 */
export class PostgresOutboxStore implements OutboxStore {
  constructor(private readonly db: Db) {}

  async claim(limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
    const rows = await this.db.primary.$queryRaw<ClaimedRecord[]>`
      UPDATE outbox
      SET attempts = attempts + 1,
          claimed_until = now() + ${leaseSeconds}::float8 * interval '1 second'
      WHERE id IN (
        SELECT id FROM outbox
        WHERE delivered_at IS NULL AND topic = ${ORDER_PLACED}
          AND (claimed_until IS NULL OR claimed_until <= now())
        ORDER BY id
        LIMIT ${limit}::int
        FOR UPDATE SKIP LOCKED)
      RETURNING id, attempts, created_at, payload, purchases_recorded_at, mail_sending_at, mailed_at`;
    return rows
      .map((r) => ({
        id: r.id,
        attempt: r.attempts,
        createdAt: r.created_at,
        payload: r.payload,
        purchasesRecordedAt: r.purchases_recorded_at,
        mailSendingAt: r.mail_sending_at,
        mailedAt: r.mailed_at,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async markPurchasesRecorded(row: ClaimedRow): Promise<boolean> {
    const changed = await this.db.primary.$executeRaw`
      UPDATE outbox SET purchases_recorded_at = now()
      WHERE id = ${row.id} AND attempts = ${row.attempt}`;
    return changed === 1;
  }

  async beginMailSend(row: ClaimedRow, leaseSeconds: number): Promise<boolean> {
    const changed = await this.db.primary.$executeRaw`
      UPDATE outbox
      SET mail_sending_at = now(),
          claimed_until = now() + ${leaseSeconds}::float8 * interval '1 second'
      WHERE id = ${row.id} AND attempts = ${row.attempt} AND claimed_until > now()`;
    return changed === 1;
  }

  async markMailed(row: ClaimedRow): Promise<boolean> {
    const changed = await this.db.primary.$executeRaw`
      UPDATE outbox SET mailed_at = now()
      WHERE id = ${row.id} AND attempts = ${row.attempt}`;
    return changed === 1;
  }

  async markDelivered(row: ClaimedRow, note?: string): Promise<boolean> {
    const changed = await this.db.primary.$executeRaw`
      UPDATE outbox
      SET delivered_at = now(), claimed_until = NULL, last_error = COALESCE(${note ?? null}, last_error)
      WHERE id = ${row.id} AND attempts = ${row.attempt}`;
    return changed === 1;
  }

  async release(row: ClaimedRow, error: string, retryInSeconds: number): Promise<void> {
    await this.db.primary.$executeRaw`
      UPDATE outbox
      SET claimed_until = now() + ${retryInSeconds}::float8 * interval '1 second',
          last_error = ${error.slice(0, 1000)}
      WHERE id = ${row.id} AND attempts = ${row.attempt}`;
  }

  async findOrder(orderId: string) {
    return this.db.primary.order.findUnique({
      where: { id: orderId },
      select: { currency: true, totalCents: true },
    });
  }
}
