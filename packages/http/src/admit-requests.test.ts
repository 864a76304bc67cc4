import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { admitRequests } from './admit-requests';
import { handleErrors } from './handle-errors';

/** An app whose /work handlers wait until released, so a test controls what is in flight. */
function appWithGate(classes: Parameters<typeof admitRequests>[1]) {
  const app = Fastify();
  const registry = new Registry();
  handleErrors(app);
  admitRequests(app, classes, { defaultClass: 'requests', registry });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  app.get('/work', async () => {
    started++;
    await gate;
    return { ok: true };
  });
  app.get('/hash', { config: { admission: 'passwords' } }, async () => ({ ok: true }));
  app.get('/healthz', { config: { admission: false } }, async () => ({ ok: true }));
  return { app, registry, release, started: () => started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admitRequests', () => {
  it('runs at most `concurrency` handlers, queues `queue` more and answers the rest 503 at once', async () => {
    const { app, registry, release, started } = appWithGate({
      requests: { concurrency: 2, queue: 1 },
      passwords: { concurrency: 1, queue: 0 },
    });
    const inFlight = Array.from({ length: 3 }, () => app.inject('/work'));
    await settle();
    expect(started()).toBe(2);

    const refused = await app.inject('/work');
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ error: { code: 'SERVICE_BUSY' } });
    expect(await registry.getSingleMetricAsString('shop_admission_refused_total')).toContain(
      'shop_admission_refused_total{class="requests"} 1',
    );

    // Another class, and routes outside admission, are not held up by a full class.
    expect((await app.inject('/hash')).statusCode).toBe(200);
    expect((await app.inject('/healthz')).statusCode).toBe(200);

    release();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(started()).toBe(3);
  });

  it('refuses a route naming a class that does not exist when the route is declared', async () => {
    const app = Fastify();
    admitRequests(
      app,
      { requests: { concurrency: 1, queue: 1 } },
      {
        defaultClass: 'requests',
        registry: new Registry(),
      },
    );
    expect(() => app.get('/x', { config: { admission: 'nope' } }, async () => 'x')).toThrow(
      /unknown admission class 'nope'/,
    );
  });
});
