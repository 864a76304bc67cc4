import type { OnlineCounts } from '@shop/domain';
import { callApi } from './call-api';

/**
 * How many visitors were on the product's page in the last minute (GET /api/online?product=);
 * null when the shop could not say.
 */
export async function getViewingCount(slug: string): Promise<number | null> {
  try {
    const presence = await callApi<OnlineCounts>(`/api/online?product=${encodeURIComponent(slug)}`);
    const count = presence.viewing?.[slug];
    return typeof count === 'number' ? count : 0;
  } catch {
    return null;
  }
}
