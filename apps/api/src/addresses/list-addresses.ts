import type { DbReader } from '@shop/db';
import { MAX_SAVED_ADDRESSES, type SavedAddress } from '@shop/domain';

/** A user's address book, last used first. */
export async function listAddresses(reader: DbReader, userId: string): Promise<SavedAddress[]> {
  const rows = await reader.savedAddress.findMany({
    where: { userId },
    orderBy: [{ lastUsedAt: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_SAVED_ADDRESSES,
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    line1: row.line1,
    city: row.city,
    region: row.region,
    postalCode: row.postalCode,
    country: row.country,
    lastUsedAt: row.lastUsedAt.toISOString(),
  }));
}
