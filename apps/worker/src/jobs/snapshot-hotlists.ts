// hotlists.snapshot — keep the hot lists small and their scores in range, and save them to Postgres
import type { Db } from '@shop/db';
import { growth, hotKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';

/** Entries kept per list in Redis, and saved per list to Postgres. */
const KEEP = 1_000;
const SAVE = 500;
/** Stored scores grow 2× every half-life; past this many, the origin moves forward. */
const REBASE_AFTER_HALF_LIVES = 20;

/**
 * Moves the time origin to `now`, dividing every stored score by the growth since the old one,
 * and drops all but the top KEEP of each list: atomic with the folds (one script).
 */
const REBASE_AND_TRIM = `
local meta, categories, all = KEYS[1], KEYS[2], KEYS[3]
local now, keep, prefix, rebaseAfter = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
local epoch = tonumber(redis.call('HGET', meta, 'epochMs'))
local halfLife = tonumber(redis.call('HGET', meta, 'halfLifeSeconds'))
if not epoch or not halfLife then return 0 end
local lists = { all }
for _, slug in ipairs(redis.call('SMEMBERS', categories)) do lists[#lists + 1] = prefix .. slug end
local halfLives = (now - epoch) / 1000 / halfLife
for _, key in ipairs(lists) do
  if halfLives > rebaseAfter then
    redis.call('ZUNIONSTORE', key, 1, key, 'WEIGHTS', 2 ^ (-halfLives))
  end
  redis.call('ZREMRANGEBYRANK', key, 0, -keep - 1)
end
if halfLives > rebaseAfter then redis.call('HSET', meta, 'epochMs', now) end
return #lists
`;

/**
 * Puts the lists saved in Postgres back when Redis has none (after a flush or a new Redis), only
 * if no fold has started new ones in the meantime (the script checks, atomically).
 */
const RESTORE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'epochMs', ARGV[1], 'halfLifeSeconds', ARGV[2], 'foldedAt', ARGV[3])
local i = 4
while i <= #ARGV do
  local key, count = ARGV[i], tonumber(ARGV[i + 1])
  i = i + 2
  for n = 1, count do
    redis.call('ZADD', key, ARGV[i + 1], ARGV[i])
    i = i + 2
  end
end
return 1
`;

const listName = (key: string) =>
  key === hotKeys.all ? 'all' : `cat:${key.slice(hotKeys.category('').length)}`;
const listKey = (name: string) =>
  name === 'all' ? hotKeys.all : hotKeys.category(name.slice('cat:'.length));

export async function snapshotHotlists(deps: { redis: Redis; db: Db }): Promise<{ lists: number }> {
  const { redis, db } = deps;
  const now = Date.now();
  await redis.eval(
    REBASE_AND_TRIM,
    3,
    hotKeys.meta,
    hotKeys.categories,
    hotKeys.all,
    now,
    KEEP,
    hotKeys.category(''),
    REBASE_AFTER_HALF_LIVES,
  );
  const [meta, slugs] = await Promise.all([
    redis.hgetall(hotKeys.meta),
    redis.smembers(hotKeys.categories),
  ]);
  const epochMs = Number(meta.epochMs);
  const halfLifeSeconds = Number(meta.halfLifeSeconds);
  if (!Number.isFinite(epochMs) || !Number.isFinite(halfLifeSeconds)) return { lists: 0 };
  const keys = [hotKeys.all, ...slugs.map((slug) => hotKeys.category(slug))];
  const lists = await Promise.all(
    keys.map(async (key) => {
      const flat = await redis.zrevrange(key, 0, SAVE - 1, 'WITHSCORES');
      const entries: [string, number][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        entries.push([flat[i] ?? '', Number(flat[i + 1])]);
      return { list: listName(key), entries };
    }),
  );
  await db.primary.$transaction(
    lists.map(({ list, entries }) =>
      db.primary.hotListSnapshot.upsert({
        where: { list },
        create: {
          list,
          epochMs: BigInt(epochMs),
          halfLifeSeconds,
          entries,
          takenAt: new Date(now),
        },
        update: { epochMs: BigInt(epochMs), halfLifeSeconds, entries, takenAt: new Date(now) },
      }),
    ),
  );
  return { lists: lists.length };
}

/**
 * When Redis holds no hot lists but Postgres has a snapshot, puts the snapshot back (scores and
 * their origin), so the lists survive a Redis flush. Answers whether it restored.
 */
export async function restoreHotlists(deps: { redis: Redis; db: Db }): Promise<boolean> {
  const { redis, db } = deps;
  if ((await redis.exists(hotKeys.meta)) === 1) return false;
  const snapshots = await db.primary.hotListSnapshot.findMany();
  const first = snapshots[0];
  if (!first) return false;
  const args: (string | number)[] = [
    Number(first.epochMs),
    first.halfLifeSeconds,
    first.takenAt.getTime(),
  ];
  const slugs: string[] = [];
  for (const snapshot of snapshots) {
    const entries = snapshot.entries as [string, number][];
    // Every snapshot of one run shares the origin; one from another origin is scaled onto it.
    const scale =
      growth(Number(first.epochMs), Number(snapshot.epochMs), snapshot.halfLifeSeconds) || 1;
    args.push(listKey(snapshot.list), entries.length);
    for (const [productId, score] of entries) args.push(productId, score / scale);
    if (snapshot.list.startsWith('cat:')) slugs.push(snapshot.list.slice('cat:'.length));
  }
  const restored = (await redis.eval(RESTORE, 1, hotKeys.meta, ...args)) === 1;
  if (restored && slugs.length > 0) await redis.sadd(hotKeys.categories, ...slugs);
  return restored;
}
