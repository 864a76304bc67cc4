// outbox.deliver — order confirmations and purchase events from the transactional outbox
import type { FastifyBaseLogger } from 'fastify';
import { deliverOrderPlaced, type Outcome, type RelayDeps } from '../outbox/deliver-order-placed';

/** One run stops taking rows after this long; the next run goes on. */
const RUN_BUDGET_MS = 10_000;
/** After a failure, a row waits 2, 4, 8, ... seconds before its next try, at most 5 minutes. */
const MAX_RETRY_SECONDS = 300;

export interface DeliverOutboxDeps extends RelayDeps {
  batchSize: number;
  log: FastifyBaseLogger;
}

export type DeliverResult = Record<Outcome | 'failed', number>;

export const retryDelaySeconds = (attempt: number) =>
  Math.min(MAX_RETRY_SECONDS, 2 ** Math.min(attempt, 16));

/**
 * Takes undelivered outbox rows in batches (two relays never hold one row at once) and delivers
 * each (deliverOrderPlaced). A row that fails is given back to be tried again later; a relay
 * that dies holding rows loses them when its lease runs out, and whoever takes them next goes on
 * from the last step the row recorded.
 */
export async function deliverOutbox(deps: DeliverOutboxDeps): Promise<DeliverResult> {
  const result: DeliverResult = { delivered: 0, skipped: 0, lost: 0, failed: 0 };
  const started = Date.now();
  while (Date.now() - started < RUN_BUDGET_MS) {
    const rows = await deps.store.claim(deps.batchSize, deps.leaseSeconds);
    for (const row of rows) {
      try {
        result[await deliverOrderPlaced(deps, row)] += 1;
      } catch (error) {
        result.failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        deps.log.warn(
          { outboxId: String(row.id), attempt: row.attempt, err: message },
          'outbox row not delivered',
        );
        await deps.store.release(row, message, retryDelaySeconds(row.attempt));
      }
    }
    if (rows.length < deps.batchSize) break;
  }
  return result;
}
