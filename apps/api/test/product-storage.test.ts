import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';

// How the products table takes the stock changes of checkout (see the migration
// products_room_for_updates): in place, on the row's own page, adding nothing to its indexes.

const client = new pg.Client({ connectionString: env.DATABASE_URL });

beforeAll(() => client.connect());
afterAll(() => client.end());

describe('the products table', () => {
  it('takes most stock changes of checkout in place (HOT), adding no index entries', async () => {
    try {
      await client.query('BEGIN');
      // Products spread over the table, changed as place-order.ts changes them, one statement
      // each; the transaction's own statistics count the updates and those done in place.
      const { rows } = await client.query<{ id: string }>(
        'SELECT id FROM products WHERE stock > 0 ORDER BY random() LIMIT 20',
      );
      expect(rows).toHaveLength(20);
      for (const { id } of rows) {
        await client.query(
          `UPDATE products p SET stock = p.stock - 1, updated_at = now()
           FROM categories c WHERE p.id = $1 AND p.stock >= 1 AND c.id = p.category_id`,
          [id],
        );
      }
      const { rows: counts } = await client.query<{ updated: string; inPlace: string }>(
        `SELECT n_tup_upd AS updated, n_tup_hot_upd AS "inPlace"
         FROM pg_stat_xact_user_tables WHERE relid = 'products'::regclass`,
      );
      expect(Number(counts[0]?.updated)).toBe(20);
      // With pages filled to the brim (fillfactor 100) next to none is; a page another test
      // changed a moment ago may have no room left until its old versions can be pruned.
      expect(Number(counts[0]?.inPlace)).toBeGreaterThanOrEqual(16);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
