import { encodeBatch, EVENTS_STREAM } from '@shop/jobs';
import type { Redis } from 'ioredis';
import type { PurchaseRecorder } from './deliver-order-placed';

/** Marks that an order's purchases are on the stream: `shop:outbox:purchases:<orderId>`. */
export const purchasesMark = (orderId: string) => `shop:outbox:purchases:${orderId}`;

/**
 * How long the mark is kept. It only has to outlive the moment between this script and the
 * row's purchases_recorded_at being written in Postgres (after which no relay asks again): a
 * week covers a relay dying there and Postgres staying away for days.
 */
const MARK_SECONDS = 7 * 24 * 3600;

/**
 * Appends the purchase events and sets the order's mark in one script, only when the mark is
 * not there yet: Redis does both or neither, so a relay that dies after appending and before
 * Postgres notes it cannot append them again on the next attempt. A mark in Postgres alone
 * could not do that (a crash between the XADD and the UPDATE would append twice), and the fold's
 * repeat window only hides a repeat for half an hour. (Two keys in one script: fine on one
 * Redis; on a cluster they would need one hash slot.)
 */
const APPEND_ONCE = `
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', ARGV[2]) then
  redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
  return 1
end
return 0
`;

/**
 * Purchase events (one per product of the order, visitor `order:<orderId>`, no client address)
 * as one batch on the events stream, where the fold counts them into the hot lists.
 */
export class RedisPurchaseRecorder implements PurchaseRecorder {
  constructor(
    private readonly redis: Redis,
    private readonly stream = EVENTS_STREAM,
  ) {}

  async record(order: { orderId: string; productIds: string[]; at: number }): Promise<boolean> {
    const fields = encodeBatch(
      order.at,
      order.productIds.map((productId) => ({
        kind: 'purchase' as const,
        productId,
        visitor: `order:${order.orderId}`,
        address: '',
      })),
    );
    const appended = await this.redis.eval(
      APPEND_ONCE,
      2,
      this.stream,
      purchasesMark(order.orderId),
      Date.now(),
      MARK_SECONDS,
      ...fields,
    );
    return appended === 1;
  }
}
