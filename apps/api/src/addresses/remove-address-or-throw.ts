import type { Db } from '@shop/db';
import { AppError } from '@shop/http';

/** Removes an address from its owner's book; ADDRESS_NOT_FOUND when the user has no such address. */
export async function removeAddressOrThrow(db: Db, userId: string, id: string): Promise<void> {
  const { count } = await db.primary.savedAddress.deleteMany({ where: { id, userId } });
  // Someone else's address is indistinguishable from no address at all.
  if (count === 0) throw new AppError('ADDRESS_NOT_FOUND', `No address ${id}`, { field: 'id' });
}
