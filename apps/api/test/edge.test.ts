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
