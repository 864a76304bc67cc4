import { afterEach, describe, expect, it, vi } from 'vitest';
import { RenderAdmission } from './render-admission';

/** A render that runs until the test lets it finish. */
function heldRender(value = 'done') {
  let finish: () => void = () => {};
  const released = new Promise<void>((resolve) => (finish = resolve));
  const render = vi.fn(async () => {
    await released;
    return value;
  });
  return { render, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('RenderAdmission', () => {
  it('runs at most `concurrency` renders at once and the rest in arrival order', async () => {
    const admission = new RenderAdmission({ concurrency: 2, queueSize: 4, maxWaitMs: 10_000 });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const results = Array.from({ length: 6 }, (_, i) =>
      admission.run(async () => {
        order.push(i);
        running++;
        most = Math.max(most, running);
        await settle();
        running--;
        return i;
      }),
    );
    expect([admission.running, admission.waiting]).toEqual([2, 4]);
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect([admission.running, admission.waiting]).toEqual([0, 0]);
  });

  it('refuses a render past the queue at once with SERVICE_BUSY and a Retry-After', async () => {
    const admission = new RenderAdmission({ concurrency: 1, queueSize: 2, maxWaitMs: 10_000 });
    const held = heldRender();
    const admitted = [admission.run(held.render), admission.run(held.render)];
    admitted.push(admission.run(held.render));
    const extra = vi.fn(async () => 'never');

    // Refused while the admitted renders are all still held: nobody waits for it.
    await expect(admission.run(extra)).rejects.toMatchObject({
      code: 'SERVICE_BUSY',
      retryAfterSeconds: expect.any(Number),
    });
    expect(extra).not.toHaveBeenCalled();
    expect([admission.running, admission.waiting]).toEqual([1, 2]);

    held.finish();
    expect(await Promise.all(admitted)).toEqual(['done', 'done', 'done']);
  });

  it('drops a waiting render whose caller went away: it leaves the queue and never runs', async () => {
    const admission = new RenderAdmission({ concurrency: 1, queueSize: 2, maxWaitMs: 10_000 });
    const held = heldRender();
    const first = admission.run(held.render);
    const client = new AbortController();
    const abandoned = vi.fn(async () => 'never');
    const dropped = admission.run(abandoned, client.signal);
    const kept = admission.run(async () => 'kept');
    expect(admission.waiting).toBe(2);

    client.abort(new Error('client closed'));
    await expect(dropped).rejects.toThrow('client closed');
    expect(admission.waiting).toBe(1);
    // Its place in the queue is free again.
    const another = admission.run(async () => 'another');
    expect(admission.waiting).toBe(2);

    held.finish();
    expect(await Promise.all([first, kept, another])).toEqual(['done', 'kept', 'another']);
    expect(abandoned).not.toHaveBeenCalled();
  });

  it('refuses a render that waited longer than the limit, with SERVICE_BUSY', async () => {
    vi.useFakeTimers();
    const admission = new RenderAdmission({ concurrency: 1, queueSize: 4, maxWaitMs: 5_000 });
    const held = heldRender();
    const first = admission.run(held.render);
    const late = vi.fn(async () => 'never');
    const waiting = admission.run(late);
    const outcome = waiting.catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(await outcome).toMatchObject({ code: 'SERVICE_BUSY' });
    expect(admission.waiting).toBe(0);
    held.finish();
    expect(await first).toBe('done');
    expect(late).not.toHaveBeenCalled();
  });

  it('lets a started render finish, holding its slot, when its caller goes away', async () => {
    const admission = new RenderAdmission({ concurrency: 1, queueSize: 2, maxWaitMs: 10_000 });
    const held = heldRender('stored anyway');
    const client = new AbortController();
    const started = admission.run(held.render, client.signal);
    const next = vi.fn(async () => 'next');
    const queued = admission.run(next);

    client.abort(new Error('client closed'));
    await settle();
    expect([admission.running, admission.waiting]).toEqual([1, 1]);
    expect(next).not.toHaveBeenCalled();

    held.finish();
    expect(await started).toBe('stored anyway');
    expect(await queued).toBe('next');
  });

  it('refuses at once a caller that has already gone', async () => {
    const admission = new RenderAdmission({ concurrency: 1, queueSize: 2, maxWaitMs: 10_000 });
    const render = vi.fn(async () => 'never');
    await expect(admission.run(render, AbortSignal.abort(new Error('gone')))).rejects.toThrow(
      'gone',
    );
    expect(render).not.toHaveBeenCalled();
  });
});
