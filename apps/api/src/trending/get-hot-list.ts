import type { DbReader } from '@shop/db';
import type { HotList } from '@shop/domain';
import { AppError } from '@shop/http';
import { decayedScore, hotKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';
import { summarySelect, toSummary } from '../catalog/to-summary';

/** The lists count as stale when the last fold is older than this many fold intervals. */
const STALE_AFTER_INTERVALS = 3;

/**
 * What is trending now, overall or in one department: the top of the worker's hot list with
 * each score decayed to now, as product summaries (products since removed are left out). The
 * lists are served as they stand even when the workers have stopped folding: `stale` says so.
 */
export async function getHotList(
  deps: { reader: DbReader; redis: Redis; foldIntervalSeconds: number },
  query: { category?: string | undefined; limit: number },
  now = Date.now(),
): Promise<HotList> {
  if (query.category) {
    const category = await deps.reader.category.findUnique({
      where: { slug: query.category },
      select: { id: true },
    });
    if (!category) {
      throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${query.category}'`, {
        field: 'category',
      });
    }
  }
  const key = query.category ? hotKeys.category(query.category) : hotKeys.all;
  const [meta, flat] = await Promise.all([
    deps.redis.hgetall(hotKeys.meta),
    // A few more than asked, in case some products are gone.
    deps.redis.zrevrange(key, 0, query.limit + 9, 'WITHSCORES'),
  ]);
  const foldedAt = Number(meta.foldedAt);
  const epochMs = Number(meta.epochMs);
  const halfLifeSeconds = Number(meta.halfLifeSeconds);
  const ranked: { id: string; stored: number }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    ranked.push({ id: flat[i] ?? '', stored: Number(flat[i + 1]) });
  }
  const rows = ranked.length
    ? await deps.reader.product.findMany({
        where: { id: { in: ranked.map((r) => r.id) } },
        select: summarySelect,
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ranked.flatMap(({ id, stored }) => {
    const row = byId.get(id);
    if (!row) return [];
    const score = decayedScore(stored, epochMs, halfLifeSeconds, now);
    return [{ product: toSummary(row), score: Math.round(score * 1000) / 1000 }];
  });
  return {
    computedAt: Number.isFinite(foldedAt) ? new Date(foldedAt).toISOString() : null,
    stale:
      !Number.isFinite(foldedAt) ||
      now - foldedAt > STALE_AFTER_INTERVALS * deps.foldIntervalSeconds * 1000,
    items: items.slice(0, query.limit),
  };
}
