import { describe, expect, it } from 'vitest';
import { EventRecorder } from './event-recorder';
import { decodeBatch, EVENTS_STREAM, type ShopperEvent } from './events';

/** Stands in for ioredis' xadd only: records what would be written, one call per round trip. */
function fakeRedis(fail = false) {
  const calls: string[][] = [];
  return {
    calls,
    redis: {
      xadd: async (...args: (string | number)[]) => {
        if (fail) throw new Error('redis away');
        calls.push(args.map(String));
        return '1-0';
      },
    },
  };
}

const event = (n: number): ShopperEvent => ({
  kind: 'view',
  productId: `p${n}`,
  visitor: `v${n}`,
  address: '127.0.0.1',
});

describe('EventRecorder', () => {
  it('writes a full batch as one stream entry and the rest after flushMs', async () => {
    const { redis, calls } = fakeRedis();
    const recorder = new EventRecorder(redis as never, {
      maxBatch: 3,
      flushMs: 5,
      maxBuffered: 100,
    });
    for (let i = 0; i < 4; i++) recorder.record(event(i));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(2);
    expect(calls[0]?.[0]).toBe(EVENTS_STREAM);
    const first = decodeBatch(calls[0]?.slice(5) ?? []);
    const second = decodeBatch(calls[1]?.slice(5) ?? []);
    expect(first?.events.map((e) => e.productId)).toEqual(['p0', 'p1', 'p2']);
    expect(second?.events.map((e) => e.productId)).toEqual(['p3']);
    expect(recorder.stats).toEqual({ recorded: 4, dropped: 0, batches: 2 });
  });

  it('drops events past maxBuffered and batches Redis refused, counting them', async () => {
    const { redis } = fakeRedis(true);
    const recorder = new EventRecorder(redis as never, {
      maxBatch: 100,
      flushMs: 1_000,
      maxBuffered: 2,
    });
    for (let i = 0; i < 3; i++) recorder.record(event(i));
    await recorder.flush();
    expect(recorder.stats).toEqual({ recorded: 2, dropped: 3, batches: 0 });
  });
});
