import { opsSnapshot, type ErrorBody, type OpsSnapshot } from '@shop/domain';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { OpsReader } from '../src/ops/ops-reader';
import { env } from './env';
import { ADMIN, CUSTOMER, Shopper, signedIn } from './shopper';
import { waitUntil } from './stack';

// GET /api/admin/ops through the edge: the running shop in figures from the test stack's
// Prometheus, for admins only.

describe('GET /api/admin/ops', () => {
  it('answers a guest 401 and a customer 403', async () => {
    const guest = await new Shopper().get<ErrorBody>('/api/admin/ops');
    expect([guest.status, guest.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const customer = await signedIn(CUSTOMER);
    const forbidden = await customer.get<ErrorBody>('/api/admin/ops');
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it("shows an admin every component up and each API replica's traffic", async () => {
    const admin = await signedIn(ADMIN);
    let snapshot: OpsSnapshot | undefined;
    // The API's rates need two scrapes with traffic between them (the admin's own requests).
    await waitUntil(
      async () => {
        const reply = await admin.get<OpsSnapshot>('/api/admin/ops');
        expect(reply.status).toBe(200);
        expect(reply.headers.get('cache-control')).toBe('no-store');
        snapshot = opsSnapshot.parse(reply.body);
        return (
          snapshot.api.length === env.API_REPLICAS &&
          snapshot.api.every((replica) => (replica.requestsPerSecond ?? 0) > 0)
        );
      },
      25_000,
      500,
    );
    const figures = snapshot as OpsSnapshot;
    expect(figures.metrics).toBe('up');
    expect(figures.components.length).toBeGreaterThanOrEqual(13);
    expect(figures.components.filter((component) => !component.up)).toEqual([]);
    expect(figures.api.map((replica) => replica.instance)).toEqual(
      Array.from({ length: env.API_REPLICAS }, (_, i) => `api-${i + 1}`),
    );
    expect(figures.replica.lagSeconds).not.toBeNull();
    expect(figures.queues.map((queue) => queue.queue)).toEqual(['hotlists', 'outbox']);
    expect(figures.shoppersOnline).toBeGreaterThanOrEqual(0);
  });
});

describe('the ops figures without Prometheus', () => {
  // Presence lives in the events Redis.
  const redis = new Redis(env.EVENTS_REDIS_URL);
  afterAll(() => redis.disconnect());

  it('says metrics are down and leaves every figure empty, and still counts who is online', async () => {
    // Nothing listens on port 9 of this machine: Prometheus "does not answer".
    const snapshot = opsSnapshot.parse(await new OpsReader('http://127.0.0.1:9', redis).read());
    expect(snapshot.metrics).toBe('down');
    expect(snapshot.components).toEqual([]);
    expect(snapshot.api).toEqual([]);
    expect(snapshot.edge.requestsPerSecond).toBeNull();
    expect(snapshot.shoppersOnline).toBeGreaterThanOrEqual(0);
  });
});
