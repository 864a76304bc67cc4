import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { deliverOutbox, type DeliverOutboxDeps } from '../jobs/deliver-outbox';
import {
  deliverOrderPlaced,
  type ClaimedRow,
  type MailSender,
  type OutboxStore,
  type PurchaseRecorder,
  type SentMailLookup,
} from './deliver-order-placed';
import type { OrderMail } from './order-mail';

// The relay against stand-ins with the same rules as the real ones: an outbox with leases on a
// clock the test moves and writes fenced by the claim (PostgresOutboxStore), a mail server that
// can be asked for a Message-ID (maildev), purchases appended once per order (the Redis script).
// A crash is an exception thrown at a chosen point and never handled: the row stays as the dead
// relay left it until its lease runs out. What the real pieces do is proved by the integration
// tests in apps/worker/test.

class Crash extends Error {}

interface StoredRow {
  id: bigint;
  createdAt: Date;
  payload: unknown;
  attempts: number;
  claimedUntil: number | null;
  purchasesRecordedAt: Date | null;
  mailSendingAt: Date | null;
  mailedAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
}

class MemoryOutbox implements OutboxStore {
  now = 1_000_000;
  rows = new Map<bigint, StoredRow>();
  orders = new Map<string, { currency: string; totalCents: bigint }>();
  /** Throws once at the named mark, as a relay dying there would never finish it. */
  crashAt: keyof OutboxStore | null = null;

  add(payload: { orderId: string; totalCents?: bigint }): StoredRow {
    const id = BigInt(this.rows.size + 1);
    const row: StoredRow = {
      id,
      createdAt: new Date(this.now),
      payload,
      attempts: 0,
      claimedUntil: null,
      purchasesRecordedAt: null,
      mailSendingAt: null,
      mailedAt: null,
      deliveredAt: null,
      lastError: null,
    };
    this.rows.set(id, row);
    this.orders.set(payload.orderId, { currency: 'USD', totalCents: payload.totalCents ?? 4_999n });
    return row;
  }

  advance(seconds: number) {
    this.now += seconds * 1000;
  }

  #crash(at: keyof OutboxStore) {
    if (this.crashAt === at) {
      this.crashAt = null;
      throw new Crash(at);
    }
  }

  /** The stored row if `claim` still holds it. */
  #held(claim: ClaimedRow): StoredRow | undefined {
    const row = this.rows.get(claim.id);
    return row && row.attempts === claim.attempt ? row : undefined;
  }

  async claim(limit: number, leaseSeconds: number): Promise<ClaimedRow[]> {
    const free = [...this.rows.values()].filter(
      (r) => !r.deliveredAt && (r.claimedUntil === null || r.claimedUntil <= this.now),
    );
    return free.slice(0, limit).map((r) => {
      r.attempts += 1;
      r.claimedUntil = this.now + leaseSeconds * 1000;
      return { ...r, attempt: r.attempts };
    });
  }

  async markPurchasesRecorded(claim: ClaimedRow) {
    this.#crash('markPurchasesRecorded');
    const row = this.#held(claim);
    if (row) row.purchasesRecordedAt = new Date(this.now);
    return row !== undefined;
  }

  async beginMailSend(claim: ClaimedRow, leaseSeconds: number) {
    const row = this.#held(claim);
    if (!row || row.claimedUntil === null || row.claimedUntil <= this.now) return false;
    row.mailSendingAt = new Date(this.now);
    row.claimedUntil = this.now + leaseSeconds * 1000;
    return true;
  }

  async markMailed(claim: ClaimedRow) {
    this.#crash('markMailed');
    const row = this.#held(claim);
    if (row) row.mailedAt = new Date(this.now);
    return row !== undefined;
  }

  async markDelivered(claim: ClaimedRow, note?: string) {
    const row = this.#held(claim);
    if (row) {
      row.deliveredAt = new Date(this.now);
      row.claimedUntil = null;
      row.lastError = note ?? row.lastError;
    }
    return row !== undefined;
  }

  async release(claim: ClaimedRow, error: string, retryInSeconds: number) {
    const row = this.#held(claim);
    if (row) {
      row.claimedUntil = this.now + retryInSeconds * 1000;
      row.lastError = error;
    }
  }

  async findOrder(orderId: string) {
    return this.orders.get(orderId) ?? null;
  }
}

class FakeMailServer implements MailSender, SentMailLookup {
  inbox: OrderMail[] = [];
  refusing = false;
  lookupDown = false;
  /** The next send dies before the mail is handed over (the mail never arrives). */
  dieBeforeHandover = false;

  async send(mail: OrderMail) {
    if (this.dieBeforeHandover) {
      this.dieBeforeHandover = false;
      throw new Crash('before handover');
    }
    if (this.refusing) throw new Error('connect ECONNREFUSED');
    this.inbox.push(mail);
  }

  async hasArrived(messageId: string) {
    if (this.lookupDown) throw new Error('mail server lookup answered 503');
    return this.inbox.some((m) => m.messageId === messageId);
  }

  received(orderId: string) {
    return this.inbox.filter((m) => m.messageId === `<order-${orderId}@shopscale.local>`);
  }
}

class OncePerOrderPurchases implements PurchaseRecorder {
  batches: { orderId: string; productIds: string[] }[] = [];
  async record(order: { orderId: string; productIds: string[] }) {
    if (this.batches.some((b) => b.orderId === order.orderId)) return false;
    this.batches.push({ orderId: order.orderId, productIds: order.productIds });
    return true;
  }
}

const silent = { warn: () => undefined } as unknown as FastifyBaseLogger;
const LEASE = 60;

let outbox: MemoryOutbox;
let mail: FakeMailServer;
let purchases: OncePerOrderPurchases;
let relay: DeliverOutboxDeps;

function placeOrder() {
  const orderId = randomUUID();
  const productIds = [randomUUID(), randomUUID()];
  const row = outbox.add({
    orderId,
    number: 100_001 + outbox.rows.size,
    email: 'sam@example.test',
    lines: productIds.map((productId, i) => ({
      productId,
      name: `Lamp ${i}`,
      priceCents: 1_000,
      quantity: 1,
    })),
  } as { orderId: string });
  return { orderId, productIds, row };
}

/** A relay that takes the rows and dies at the point the test set up (the crash escapes). */
async function relayDiesDuring() {
  const [claim] = await outbox.claim(1, LEASE);
  if (!claim) throw new Error('nothing to claim');
  await expect(deliverOrderPlaced(relay, claim)).rejects.toBeInstanceOf(Crash);
}

beforeEach(() => {
  outbox = new MemoryOutbox();
  mail = new FakeMailServer();
  purchases = new OncePerOrderPurchases();
  relay = {
    store: outbox,
    mailer: mail,
    inbox: mail,
    purchases,
    leaseSeconds: LEASE,
    batchSize: 10,
    publicUrl: 'http://localhost:4100',
    log: silent,
  };
});

describe('outbox relay: order.placed', () => {
  it('sends one confirmation, records the purchases and marks the row delivered', async () => {
    const { orderId, productIds, row } = placeOrder();
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 1, failed: 0 });
    expect(mail.received(orderId)).toHaveLength(1);
    expect(purchases.batches).toEqual([{ orderId, productIds }]);
    expect(row.deliveredAt).not.toBeNull();
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 0 });
    expect(mail.received(orderId)).toHaveLength(1);
  });

  it('does not send again after a relay died between the send and marking it sent', async () => {
    const { orderId, row } = placeOrder();
    relay.afterSend = async () => {
      throw new Crash('after send');
    };
    await relayDiesDuring();
    delete relay.afterSend;
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.mailSendingAt).not.toBeNull();
    expect(row.mailedAt).toBeNull();

    // Nobody takes the row while the dead relay's lease runs...
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 0 });
    outbox.advance(LEASE + 1);
    // ...then the next relay finds the mail by its Message-ID and only marks the row.
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 1 });
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.mailedAt).not.toBeNull();
    expect(row.deliveredAt).not.toBeNull();
  });

  it('does not send again after a relay died between the mail server accepting and the mark', async () => {
    const { orderId, row } = placeOrder();
    outbox.crashAt = 'markMailed';
    await relayDiesDuring();
    outbox.advance(LEASE + 1);
    await deliverOutbox(relay);
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.deliveredAt).not.toBeNull();
  });

  it('sends the mail after a relay died before handing it over', async () => {
    const { orderId, row } = placeOrder();
    mail.dieBeforeHandover = true;
    await relayDiesDuring();
    expect(row.mailSendingAt).not.toBeNull();
    expect(mail.received(orderId)).toHaveLength(0);
    outbox.advance(LEASE + 1);
    await deliverOutbox(relay);
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.deliveredAt).not.toBeNull();
  });

  it('never sends while the mail server cannot say whether an interrupted send arrived', async () => {
    const { orderId, row } = placeOrder();
    outbox.crashAt = 'markMailed';
    await relayDiesDuring();
    outbox.advance(LEASE + 1);
    mail.lookupDown = true;
    expect(await deliverOutbox(relay)).toMatchObject({ failed: 1 });
    expect(row.lastError).toMatch(/lookup/);
    mail.lookupDown = false;
    outbox.advance(600);
    await deliverOutbox(relay);
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.deliveredAt).not.toBeNull();
  });

  it('tries a refused send again later, waiting longer after each failure', async () => {
    const { orderId, row } = placeOrder();
    mail.refusing = true;
    expect(await deliverOutbox(relay)).toMatchObject({ failed: 1 });
    expect(await deliverOutbox(relay)).toMatchObject({ failed: 0, delivered: 0 });
    outbox.advance(2);
    expect(await deliverOutbox(relay)).toMatchObject({ failed: 1 });
    outbox.advance(2);
    expect(await deliverOutbox(relay)).toMatchObject({ failed: 0 });
    outbox.advance(2);
    mail.refusing = false;
    await deliverOutbox(relay);
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.deliveredAt).not.toBeNull();
    expect(row.attempts).toBe(3);
  });

  it('asks for the purchases again after a relay died before noting them, and they count once', async () => {
    const { orderId, row } = placeOrder();
    outbox.crashAt = 'markPurchasesRecorded';
    await relayDiesDuring();
    outbox.advance(LEASE + 1);
    await deliverOutbox(relay);
    expect(purchases.batches.filter((b) => b.orderId === orderId)).toHaveLength(1);
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.deliveredAt).not.toBeNull();
  });

  it('never lets two relays hold one row: a relay past its lease neither sends nor marks', async () => {
    const { orderId, row } = placeOrder();
    const [slow] = await outbox.claim(10, LEASE);
    expect(await outbox.claim(10, LEASE)).toEqual([]);
    if (!slow) throw new Error('nothing claimed');

    // The slow relay stalls past its lease; another takes the row over and delivers it.
    outbox.advance(LEASE + 1);
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 1 });
    expect(await deliverOrderPlaced(relay, slow)).toBe('lost');
    expect(mail.received(orderId)).toHaveLength(1);
    expect(row.attempts).toBe(2);
  });

  it('does not start a send once its lease has run out, even if nobody took the row yet', async () => {
    const { orderId, row } = placeOrder();
    const [late] = await outbox.claim(10, LEASE);
    if (!late) throw new Error('nothing claimed');
    outbox.advance(LEASE + 1);
    expect(await deliverOrderPlaced(relay, late)).toBe('lost');
    expect(mail.received(orderId)).toHaveLength(0);
    expect(row.deliveredAt).toBeNull();
  });

  it('marks the row of an order that no longer exists delivered, without a mail', async () => {
    const { orderId, row } = placeOrder();
    outbox.orders.delete(orderId);
    expect(await deliverOutbox(relay)).toMatchObject({ skipped: 1 });
    expect(mail.inbox).toHaveLength(0);
    expect(row.deliveredAt).not.toBeNull();
    expect(row.lastError).toBe('the order no longer exists');
  });

  it('keeps a row whose payload is not an order for a later look, and delivers the others', async () => {
    const broken = outbox.add({ orderId: randomUUID() });
    const { orderId } = placeOrder();
    expect(await deliverOutbox(relay)).toMatchObject({ delivered: 1, failed: 1 });
    expect(mail.received(orderId)).toHaveLength(1);
    expect(broken.deliveredAt).toBeNull();
    expect(broken.lastError).toBeTruthy();
  });
});
