import type { DbReader } from '@shop/db';
import type { OnlineCounts } from '@shop/domain';
import { AppError } from '@shop/http';
import { ONLINE_WINDOW_MS, presenceKeys, VIEWING_WINDOW_MS } from '@shop/jobs';
import type { Redis } from 'ioredis';

/**
 * Who is here: visitors seen in the last 5 minutes and, for a product, those on its page in the
 * last minute. Counted by last-seen time in the worker's sorted sets, so a visitor who stopped
 * calling drops out when the window passes.
 */
export async function countOnline(
  deps: { reader: DbReader; redis: Redis },
  query: { product?: string | undefined },
  now = Date.now(),
): Promise<OnlineCounts> {
  const product = query.product
    ? await deps.reader.product.findUnique({ where: { slug: query.product }, select: { id: true } })
    : undefined;
  if (query.product && !product) {
    throw new AppError('PRODUCT_NOT_FOUND', `No product '${query.product}'`, { field: 'product' });
  }
  const [online, viewing] = await Promise.all([
    deps.redis.zcount(presenceKeys.visitors, now - ONLINE_WINDOW_MS, '+inf'),
    product
      ? deps.redis.zcount(presenceKeys.product(product.id), now - VIEWING_WINDOW_MS, '+inf')
      : null,
  ]);
  return query.product && viewing !== null
    ? { online, viewing: { [query.product]: viewing } }
    : { online };
}
