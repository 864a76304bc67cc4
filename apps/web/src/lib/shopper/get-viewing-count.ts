import { callApi } from './call-api';

/** GET /api/online?product=: visitors seen lately, and on the product's page in the last minute. */
interface Presence {
  online: number;
  viewing?: Record<string, number>;
}

/** How many visitors are on the product's page now; null when the shop could not say. */
export async function getViewingCount(slug: string): Promise<number | null> {
  try {
    const presence = await callApi<Presence>(`/api/online?product=${encodeURIComponent(slug)}`);
    const count = presence.viewing?.[slug];
    return typeof count === 'number' ? count : 0;
  } catch {
    return null;
  }
}
