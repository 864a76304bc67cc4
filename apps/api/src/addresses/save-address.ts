import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@shop/db';
import { addressKey, MAX_SAVED_ADDRESSES, type ShippingAddress } from '@shop/domain';

/**
 * Keeps an address an order went to in the user's address book: a new row, or, when the book
 * holds the same address already, that row marked as used now (with the spelling just typed).
 * Past MAX_SAVED_ADDRESSES the least recently used rows go. One statement does the insert or
 * the update, so two orders at once to the same address still leave one row.
 */
export async function saveAddress(db: Db, userId: string, address: ShippingAddress): Promise<void> {
  // The same address (addressKey) is one row: the key's hash is unique per user.
  const fingerprint = createHash('sha256').update(addressKey(address)).digest('hex');
  await db.primary.$transaction([
    db.primary.$executeRaw`
      INSERT INTO saved_addresses
        (id, user_id, fingerprint, name, line1, city, region, postal_code, country)
      VALUES (${randomUUID()}::uuid, ${userId}::uuid, ${fingerprint}, ${address.name},
        ${address.line1}, ${address.city}, ${address.region ?? null}, ${address.postalCode},
        ${address.country})
      ON CONFLICT (user_id, fingerprint) DO UPDATE SET
        name = EXCLUDED.name, line1 = EXCLUDED.line1, city = EXCLUDED.city,
        region = EXCLUDED.region, postal_code = EXCLUDED.postal_code,
        country = EXCLUDED.country, last_used_at = now()`,
    db.primary.$executeRaw`
      DELETE FROM saved_addresses
      WHERE user_id = ${userId}::uuid AND id NOT IN (
        SELECT id FROM saved_addresses WHERE user_id = ${userId}::uuid
        ORDER BY last_used_at DESC, created_at DESC, id DESC
        LIMIT ${MAX_SAVED_ADDRESSES})`,
  ]);
}
