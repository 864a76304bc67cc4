import { composeOrderMail, type OrderMail } from './order-mail';
import { orderPlacedSchema } from './order-placed';

/** An outbox row a relay holds, as it stood when taken. */
export interface ClaimedRow {
  id: bigint;
  /** The number of this claim: the store accepts this relay's writes only while it is current. */
  attempt: number;
  createdAt: Date;
  payload: unknown;
  purchasesRecordedAt: Date | null;
  mailSendingAt: Date | null;
  mailedAt: Date | null;
}

/**
 * What the relay reads and writes in Postgres. Every mark names the claim and answers false when
 * another relay has taken the row over since (the caller then stops: the row is not its own).
 */
export interface OutboxStore {
  /** Takes up to `limit` undelivered rows nobody holds, for `leaseSeconds` (SKIP LOCKED). */
  claim(limit: number, leaseSeconds: number): Promise<ClaimedRow[]>;
  markPurchasesRecorded(row: ClaimedRow): Promise<boolean>;
  /**
   * Notes that a send begins, and renews the lease for it. False when the lease has run out,
   * even if nobody took the row yet: a send must start well inside a lease, never after it.
   */
  beginMailSend(row: ClaimedRow, leaseSeconds: number): Promise<boolean>;
  markMailed(row: ClaimedRow): Promise<boolean>;
  /** Every step done; `note` says why when a step was skipped. */
  markDelivered(row: ClaimedRow, note?: string): Promise<boolean>;
  /** Gives the row back after a failure: nobody takes it again for `retryInSeconds`. */
  release(row: ClaimedRow, error: string, retryInSeconds: number): Promise<void>;
  /** What the mail needs of the order beyond the payload; null when the order is gone. */
  findOrder(orderId: string): Promise<{ currency: string; totalCents: bigint } | null>;
}

/** Sends a mail; resolves once the mail server accepted it. */
export interface MailSender {
  send(mail: OrderMail): Promise<void>;
}

/**
 * Asks the mail server whether a mail with this Message-ID arrived: maildev's REST API locally,
 * the provider's message lookup (or idempotency key) in production. Throws when it cannot tell.
 */
export interface SentMailLookup {
  hasArrived(messageId: string): Promise<boolean>;
}

/** Appends an order's purchase events to the events stream, once per order however often asked. */
export interface PurchaseRecorder {
  /** True when this call appended them, false when an earlier one had. */
  record(order: { orderId: string; productIds: string[]; at: number }): Promise<boolean>;
}

export interface RelayDeps {
  store: OutboxStore;
  mailer: MailSender;
  inbox: SentMailLookup;
  purchases: PurchaseRecorder;
  leaseSeconds: number;
  publicUrl: string;
  /** Runs between a mail's send and marking it sent: nothing in service, a crash point in tests. */
  afterSend?: () => Promise<void>;
}

/** delivered: every step done; lost: another relay took the row over; skipped: nothing to do. */
export type Outcome = 'delivered' | 'lost' | 'skipped';

/**
 * Delivers one order.placed row: purchase events to the hot lists, then the confirmation mail,
 * each step marked done in the row so a later attempt goes on from there. Purchases count once
 * (PurchaseRecorder). The mail arrives once: the row says "sending" before the send and "mailed"
 * after; a relay that finds "sending" from an earlier attempt (it died or failed in between)
 * asks the mail server for the mail's Message-ID first and sends only when it is not there.
 * Throws when a step fails; the caller gives the row back for a later attempt.
 */
export async function deliverOrderPlaced(deps: RelayDeps, row: ClaimedRow): Promise<Outcome> {
  const { store } = deps;
  const event = orderPlacedSchema.parse(row.payload);
  const order = await store.findOrder(event.orderId);
  // Checkout never deletes orders; only tools that clean up after themselves (benchmarks) do.
  if (!order) {
    return (await store.markDelivered(row, 'the order no longer exists')) ? 'skipped' : 'lost';
  }

  if (!row.purchasesRecordedAt) {
    await deps.purchases.record({
      orderId: event.orderId,
      productIds: event.lines.map((line) => line.productId),
      at: row.createdAt.getTime(),
    });
    if (!(await store.markPurchasesRecorded(row))) return 'lost';
  }

  if (!row.mailedAt) {
    const mail = composeOrderMail({ ...event, ...order }, deps.publicUrl);
    const arrived = row.mailSendingAt !== null && (await deps.inbox.hasArrived(mail.messageId));
    if (!arrived) {
      if (!(await store.beginMailSend(row, deps.leaseSeconds))) return 'lost';
      await deps.mailer.send(mail);
      await deps.afterSend?.();
    }
    if (!(await store.markMailed(row))) return 'lost';
  }

  return (await store.markDelivered(row)) ? 'delivered' : 'lost';
}
