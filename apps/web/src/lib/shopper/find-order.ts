import 'server-only';
import { orderEnvelope, type Order } from '@shop/domain';
import { headers } from 'next/headers';
import { env } from '@/env';

/**
 * The order as the API shows it to the shopper making this request (its session cookie is
 * passed on): null when the API has no such order for them (404, or an id that is not an order
 * id: 400), so the page answers 404; undefined when the API could not say, and the browser asks
 * again itself. Never cached: an order belongs to one shopper.
 */
export async function findOrder(id: string): Promise<Order | null | undefined> {
  if (!env) return undefined;
  const cookie = (await headers()).get('cookie');
  try {
    const response = await fetch(
      new URL(`/api/orders/${encodeURIComponent(id)}`, env.API_INTERNAL_URL),
      {
        headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) },
        cache: 'no-store',
        signal: AbortSignal.timeout(env.API_TIMEOUT_MS),
      },
    );
    if (response.status === 404 || response.status === 400) return null;
    if (!response.ok) return undefined;
    const body = orderEnvelope.safeParse(await response.json());
    return body.success ? body.data.order : undefined;
  } catch {
    return undefined;
  }
}
