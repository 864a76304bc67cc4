import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { api, superuser, waitUntil } from './stack';

const primary = superuser(env.PG_PRIMARY_PORT);
const replica = superuser(env.PG_REPLICA_PORT);
const created: string[] = [];

async function insertProduct(label: string): Promise<string> {
  const slug = `replication-probe-${label}-${randomUUID().slice(0, 8)}`;
  await primary.query(
    `INSERT INTO products (id, slug, name, description, price_cents, currency, stock, category_id, updated_at)
     SELECT gen_random_uuid(), $1, 'Replication probe', 'Written by a test.', 1234, 'USD', 1, id, now()
     FROM categories ORDER BY position LIMIT 1`,
    [slug],
  );
  created.push(slug);
  return slug;
}

beforeAll(async () => {
  await primary.connect();
  await replica.connect();
});

afterAll(async () => {
  await replica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
  await primary.query('DELETE FROM products WHERE slug = ANY($1)', [created]);
  await Promise.all([primary.end(), replica.end()]);
});

describe('streaming replica', () => {
  it('is a hot standby of the primary', async () => {
    const { rows } = await replica.query<{ standby: boolean }>(
      'SELECT pg_is_in_recovery() AS standby',
    );
    expect(rows[0]?.standby).toBe(true);
    const senders = await primary.query('SELECT state FROM pg_stat_replication');
    expect(senders.rows).toContainEqual({ state: 'streaming' });
  });

  it('shows a product written on the primary within 1 s', async () => {
    const slug = await insertProduct('lag');
    const start = Date.now();
    const seenAt = await waitUntil(
      async () => {
        const { rowCount } = await replica.query('SELECT 1 FROM products WHERE slug = $1', [slug]);
        return rowCount === 1;
      },
      1_000,
      2,
    );
    expect(seenAt - start).toBeLessThan(1_000);
  });

  it('serves API reads from the replica, not the primary', async () => {
    // Freeze the replica: a product written now exists on the primary only. If the API read
    // from the primary it would find it; served from the replica, it is a 404 until replay resumes.
    await replica.query('SELECT pg_wal_replay_pause()');
    await waitUntil(async () => {
      const { rows } = await replica.query<{ state: string }>(
        'SELECT pg_get_wal_replay_pause_state() AS state',
      );
      return rows[0]?.state === 'paused';
    }, 5_000);
    const slug = await insertProduct('routing');
    const onPrimary = await primary.query('SELECT 1 FROM products WHERE slug = $1', [slug]);
    expect(onPrimary.rowCount).toBe(1);
    for (let i = 0; i < 4; i++) {
      expect((await api(`/api/products/${slug}`)).status).toBe(404);
    }
    await replica.query('SELECT pg_wal_replay_resume()');
    await waitUntil(async () => (await api(`/api/products/${slug}`)).status === 200, 5_000, 50);
  });
});
