import { describe, expect, it, vi } from 'vitest';
import { SingleFlight } from './single-flight';

/** Work that runs until the test lets it finish, and tells whether it was abandoned. */
function heldWork(value = 'done') {
  let finish: () => void = () => {};
  const released = new Promise<void>((resolve) => (finish = resolve));
  const signals: AbortSignal[] = [];
  const work = vi.fn(async (signal: AbortSignal) => {
    signals.push(signal);
    await released;
    return value;
  });
  return { work, finish, signals };
}

describe('SingleFlight', () => {
  it('runs the work once for concurrent callers of one key', async () => {
    const flights = new SingleFlight<string>();
    const held = heldWork();
    const answers = [flights.run('k', held.work), flights.run('k', held.work)];
    held.finish();
    expect(await Promise.all(answers)).toEqual([
      { value: 'done', shared: false },
      { value: 'done', shared: true },
    ]);
    expect(held.work).toHaveBeenCalledTimes(1);
    expect(flights.size).toBe(0);
  });

  it('keeps the work going while any caller still waits for it', async () => {
    const flights = new SingleFlight<string>();
    const held = heldWork();
    const leaving = new AbortController();
    const first = flights.run('k', held.work, leaving.signal);
    const second = flights.run('k', held.work, new AbortController().signal);

    leaving.abort(new Error('client closed'));
    await expect(first).rejects.toThrow('client closed');
    expect(held.signals[0]?.aborted).toBe(false);

    held.finish();
    expect(await second).toEqual({ value: 'done', shared: true });
  });

  it('aborts the work once every caller has gone, and starts afresh for the next', async () => {
    const flights = new SingleFlight<string>();
    const held = heldWork();
    const callers = [new AbortController(), new AbortController()];
    const answers = callers.map((c) => flights.run('k', held.work, c.signal));
    for (const c of callers) c.abort(new Error('client closed'));
    for (const answer of answers) await expect(answer).rejects.toThrow('client closed');
    expect(held.signals[0]?.aborted).toBe(true);
    expect(flights.size).toBe(0);

    const fresh = heldWork('fresh');
    const next = flights.run('k', fresh.work, new AbortController().signal);
    fresh.finish();
    held.finish();
    expect(await next).toEqual({ value: 'fresh', shared: false });
  });
});
