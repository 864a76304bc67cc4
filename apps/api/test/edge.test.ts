import { randomUUID } from 'node:crypto';
import { Agent, get } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { env, replicaUrl } from './env';
import { api, supervise, waitUntil } from './stack';

describe('edge in front of the API replicas', () => {
  it('spreads 20 consecutive requests over every replica', async () => {
    const servedBy = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const response = await api('/api/products?pageSize=1');
      expect(response.status).toBe(200);
      servedBy.add(response.headers.get('x-served-by') ?? 'missing');
    }
    const expected = Array.from({ length: env.API_REPLICAS }, (_, i) => `api-${i + 1}`);
    expect([...servedBy].sort()).toEqual(expected);
  });

  it('creates an X-Request-Id when absent and passes a given one through', async () => {
    const made = await api('/api/healthz');
    expect(made.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
    const given = await api('/api/healthz', { headers: { 'x-request-id': 'test-req-0123456789' } });
    expect(given.headers.get('x-request-id')).toBe('test-req-0123456789');
    const forged = await api('/api/healthz', { headers: { 'x-request-id': 'bad id <script>' } });
    expect(forged.headers.get('x-request-id')).not.toContain('<');
  });

  it('reports readiness of primary, replica and Redis', async () => {
    const response = await api('/api/readyz');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      checks: Record<string, string>;
      replicaLag: { bytes: number };
    };
    expect(body.checks).toEqual({ primary: 'up', replica: 'up', redis: 'up' });
    expect(body.replicaLag.bytes).toBeGreaterThanOrEqual(0);
  });

  describe('with the replica database stopped', () => {
    afterAll(async () => {
      await supervise('start', 'pg-replica');
      await waitUntil(
        async () => ((await (await api('/api/readyz')).json()) as Ready).status === 'ready',
        30_000,
        200,
      );
    });

    it('says degraded but stays in service, and the catalog is read from the primary', async () => {
      await supervise('stop', 'pg-replica');
      const response = await api('/api/readyz');
      expect(response.status).toBe(200);
      const body = (await response.json()) as Ready;
      expect(body.status).toBe('degraded');
      expect(body.checks).toEqual({ primary: 'up', replica: 'down', redis: 'up' });
      // Pages nobody asked for yet (cache misses) that the replica would have answered.
      for (let i = 0; i < 10; i++) {
        const page = await api(`/api/products?pageSize=${3 + i}&page=2`);
        expect(page.status, `pageSize ${3 + i}`).toBe(200);
      }
    });
  });

  describe('with one API replica stopped', () => {
    afterAll(async () => {
      await supervise('start', 'api:api-1');
      await waitUntil(
        async () => (await fetch(`${replicaUrl(1)}/api/healthz`).catch(() => null))?.ok ?? false,
        20_000,
        100,
      );
    });

    it('keeps answering every request through the survivors', async () => {
      await supervise('stop', 'api:api-1');
      await expect(fetch(`${replicaUrl(1)}/api/healthz`)).rejects.toThrow();
      const statuses: number[] = [];
      const servedBy = new Set<string>();
      for (let i = 0; i < 30; i++) {
        const response = await api('/api/products?pageSize=2');
        statuses.push(response.status);
        servedBy.add(response.headers.get('x-served-by') ?? 'missing');
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(servedBy.has('api-1')).toBe(false);
    });
  });
});

describe("edge following the API replicas' readiness", () => {
  // Each request gets 3 s; a request the edge sends to a hung replica would wait 30 s
  // (proxy_read_timeout), since a stopped process still accepts connections.
  const servedWithin3s = async (requests: number) => {
    const servedBy = new Set<string>();
    for (let i = 0; i < requests; i++) {
      const response = await api('/api/products?pageSize=2', {
        signal: AbortSignal.timeout(3_000),
      }).catch(() => null);
      if (response?.status !== 200) return null;
      servedBy.add(response.headers.get('x-served-by') ?? 'missing');
    }
    return servedBy;
  };

  afterAll(async () => {
    await supervise('signal', 'CONT', 'api:api-1');
  });

  it('takes a hung replica out of rotation, and puts it back once it answers', async () => {
    // In rotation to begin with (a test before may have stopped it).
    await waitUntil(async () => (await servedWithin3s(10))?.has('api-1') === true, 20_000, 500);
    await supervise('signal', 'STOP', 'api:api-1');
    // Its readiness times out twice in a row (two rounds a second or more apart): out.
    await waitUntil(async () => (await servedWithin3s(20))?.has('api-1') === false, 20_000, 500);
    await supervise('signal', 'CONT', 'api:api-1');
    await waitUntil(async () => (await servedWithin3s(10))?.has('api-1') === true, 20_000, 500);
  }, 75_000);
});

/** What /api/readyz answers, as far as these tests read it. */
interface Ready {
  status: string;
  checks: Record<string, string>;
}

/** The edge's cache outcome for a storefront address, after the body has been read. */
async function cacheStatus(path: string): Promise<{ status: number; cache: string | null }> {
  const response = await api(path);
  await response.arrayBuffer();
  return { status: response.status, cache: response.headers.get('x-cache-status') };
}

const fromCache = (cache: string | null) =>
  cache === 'HIT' || cache === 'STALE' || cache === 'UPDATING';

describe('edge page cache', () => {
  const category = async () => {
    const categories = (await (await api('/api/categories')).json()) as { slug: string }[];
    const slug = categories[0]?.slug;
    if (!slug) throw new Error('no category');
    return slug;
  };

  it('serves a page with made-up query parameters from the entry of the page itself', async () => {
    await cacheStatus('/');
    expect(fromCache((await cacheStatus(`/?utm_source=${randomUUID()}`)).cache)).toBe(true);
    const slug = await category();
    await cacheStatus(`/c/${slug}?page=2`);
    const tracked = await cacheStatus(`/c/${slug}?page=2&utm_campaign=${randomUUID()}`);
    expect(fromCache(tracked.cache)).toBe(true);
    // An unknown sort shows the default listing, and shares its entry.
    await cacheStatus(`/c/${slug}`);
    expect(fromCache((await cacheStatus(`/c/${slug}?sort=${randomUUID()}`)).cache)).toBe(true);
  });

  it("keeps the shop's icon, which Next answers with max-age=0, with the query its pages add", async () => {
    await cacheStatus('/icon.svg');
    const again = await cacheStatus(`/icon.svg?icon.${randomUUID()}.svg`);
    expect(again.status).toBe(200);
    expect(again.cache).toBe('HIT');
  });

  it('keeps sort and page apart: they change the listing', async () => {
    const slug = await category();
    const first = await (await api(`/c/${slug}`)).text();
    const second = await (await api(`/c/${slug}?page=2`)).text();
    const cheap = await (await api(`/c/${slug}?sort=price_asc`)).text();
    expect(new Set([first, second, cheap]).size).toBe(3);
  });

  it('answers 404 for a listing page past the last one', async () => {
    const slug = await category();
    expect((await cacheStatus(`/c/${slug}?page=9999`)).status).toBe(404);
  });

  it("answers 404 when the storefront's internal routes are asked for directly", async () => {
    const slug = await category();
    for (const path of ['/home/front', `/c/${slug}/newest/1`, `/c/${slug}/price_asc/2`]) {
      expect((await cacheStatus(path)).status, path).toBe(404);
    }
  });
});

describe('edge response headers', () => {
  it('forbids framing and sniffing, limits referrers and hides internal headers on every kind of answer', async () => {
    for (const path of ['/', '/api/products?pageSize=1', '/api/no-such-route', '/no-such-page']) {
      const response = await api(path);
      await response.arrayBuffer();
      const headers = response.headers;
      expect(headers.get('x-frame-options'), path).toBe('DENY');
      expect(headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-middleware-rewrite'), path).toBeNull();
      expect(headers.get('x-powered-by'), path).toBeNull();
    }
  });
});

describe('edge keep-alive', () => {
  /** One GET / on `agent`'s connection, without compression; its time to the last byte. */
  const timedGet = (agent: Agent) =>
    new Promise<{ ms: number; reused: boolean; bytes: number }>((resolve, reject) => {
      const t0 = performance.now();
      const request = get(`${env.PUBLIC_URL}/`, { agent }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          resolve({ ms: performance.now() - t0, reused: request.reusedSocket, bytes }),
        );
      });
      request.on('error', reject);
    });

  // A cached page whose last TCP segment is short used to wait for the client's delayed ACK
  // (40 ms or more on Linux) on every request of a kept-alive connection (nginx's tcp_nopush
  // corked it). That floor is what this checks, not how fast the edge is (bench:catalog does).
  it('answers requests on a kept-alive connection without waiting for a delayed ACK', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      await timedGet(agent);
      const answers = [];
      for (let i = 0; i < 15; i++) answers.push(await timedGet(agent));
      expect(answers.every((a) => a.reused)).toBe(true);
      // Many segments, whatever the page shows: its size follows the catalog and the hot lists
      // (56 kB on a fresh test stack, 67 kB once its tests made some products trend).
      expect(answers[0]?.bytes).toBeGreaterThan(20_000);
      const median = answers.map((a) => a.ms).sort((a, b) => a - b)[7] ?? Infinity;
      expect(median).toBeLessThan(30);
    } finally {
      agent.destroy();
    }
  });
});
