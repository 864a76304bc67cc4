import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, type ShopperEvent } from './events';

describe('event batches', () => {
  it('reads back what was written, events the shop records itself (no client address) included', () => {
    const events: ShopperEvent[] = [
      { kind: 'view', productId: 'p1', visitor: 'v1', address: '127.0.0.1' },
      { kind: 'purchase', productId: 'p2', visitor: 'order:o1', address: '' },
      { kind: 'seen', productId: null, visitor: 'v1', address: '127.0.0.1' },
    ];
    expect(decodeBatch(encodeBatch(1_000, events))).toEqual({ at: 1_000, events });
  });

  it('drops an entry that is not a batch', () => {
    expect(decodeBatch(['at', '1', 'events', 'not json'])).toBeNull();
    expect(decodeBatch(['at', '1', 'events', '[["bought","p","v",""]]'])).toBeNull();
    expect(decodeBatch(['at', '1', 'events', '[["view","p","","127.0.0.1"]]'])).toBeNull();
  });
});
