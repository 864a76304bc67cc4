import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { admitRequests } from './admit-requests';
import { handleErrors } from './handle-errors';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admitRequests', () => {
  it('runs at most `concurrency` handlers, queues `queue` more and answers the rest 503 at once', async () => {
    const app = Fastify();
    const registry = new Registry();
    handleErrors(app);
    admitRequests(app, { concurrency: 2, queue: 1 }, registry);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = 0;
    app.get('/work', async () => {
      started++;
      await gate;
      return { ok: true };
    });
    app.get('/healthz', { config: { admission: false } }, async () => ({ ok: true }));

    const inFlight = Array.from({ length: 3 }, () => app.inject('/work'));
    await settle();
    expect(started).toBe(2);

    const refused = await app.inject('/work');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ error: { code: 'SERVICE_BUSY' } });
    expect(await registry.getSingleMetricAsString('shop_admission_refused_total')).toContain(
      'shop_admission_refused_total 1',
    );
    // A route outside admission is not held up by a full process.
    expect((await app.inject('/healthz')).statusCode).toBe(200);

    release();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(started).toBe(3);
  });
});
