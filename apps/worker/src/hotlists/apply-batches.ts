import { EVENTS_GROUP, EVENTS_STREAM, hotKeys, presenceKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';

/**
 * Applies folded stream entries to the hot lists and presence, and acknowledges them, in one
 * atomic script. Each entry counts only if this call acknowledged it (XACK answered 1): an entry
 * another worker applied first, after taking over a batch thought lost, is skipped, so every
 * event counts exactly once. Within an entry, an event counts toward the lists unless the visitor
 * already did the same to the product within the repeat window, or its address used up its
 * events for the minute. Presence (who is online, who looks at which product) notes the last time
 * a visitor was seen, written at most once per visitor per 30 s however many events arrive;
 * purchases come from the outbox, not from a visitor, and leave presence alone.
 *
 * Keys other than KEYS[] are built in the script (per-category lists, presence per product):
 * fine on one Redis, not on a cluster.
 */
const SCRIPT = `
local stream, meta, all, categories, online = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local group, halfLife = ARGV[1], tonumber(ARGV[2])
local repeatWindow, addressCap = tonumber(ARGV[3]), tonumber(ARGV[4])
local categoryPrefix, viewingPrefix, now = ARGV[5], ARGV[6], tonumber(ARGV[7])
local epoch = tonumber(redis.call('HGET', meta, 'epochMs'))
if not epoch then
  epoch = now
  redis.call('HSET', meta, 'epochMs', epoch, 'halfLifeSeconds', halfLife)
end
local applied, dropped, i = 0, 0, 9
local viewed, listed = {}, {}
-- Presence is written at most once per visitor (and product) per 30 s, however many events.
local function seen(key, visitor, at)
  local last = tonumber(redis.call('ZSCORE', key, visitor))
  if not last or at - last >= 30000 then redis.call('ZADD', key, 'GT', at, visitor) end
end
for entry = 1, tonumber(ARGV[8]) do
  local id, at, count = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  i = i + 3
  local mine = redis.call('XACK', stream, group, id) == 1
  if mine then redis.call('XDEL', stream, id) end
  local growth = 2 ^ ((at - epoch) / 1000 / halfLife)
  for e = 1, count do
    local kind, product, category = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    local visitor, address, weight = ARGV[i + 3], ARGV[i + 4], tonumber(ARGV[i + 5])
    i = i + 6
    if mine then
      if kind ~= 'purchase' then
        seen(online, visitor, at)
        if product ~= '' then
          seen(viewingPrefix .. product, visitor, at)
          viewed[product] = true
        end
      end
      if weight > 0 and product ~= '' then
        local counts = redis.call('SET', 'shop:hot:repeat:' .. kind .. ':' .. visitor .. ':' .. product,
          1, 'NX', 'EX', repeatWindow)
        if counts and address ~= '' then
          local bucket = 'shop:hot:address:' .. address .. ':' .. math.floor(at / 60000)
          local used = redis.call('INCR', bucket)
          if used == 1 then redis.call('EXPIRE', bucket, 120) end
          counts = used <= addressCap
        end
        if counts then
          redis.call('ZINCRBY', all, weight * growth, product)
          if category ~= '' then
            redis.call('ZINCRBY', categoryPrefix .. category, weight * growth, product)
            listed[category] = true
          end
          applied = applied + 1
        else
          dropped = dropped + 1
        end
      end
    end
  end
end
-- Once per product and category touched, not once per event.
for product in pairs(viewed) do redis.call('PEXPIRE', viewingPrefix .. product, 600000) end
for category in pairs(listed) do redis.call('SADD', categories, category) end
redis.call('HSET', meta, 'foldedAt', now)
return { applied, dropped }
`;

/** One event ready for the script: its weight, and its product's category ('' for none). */
export interface FoldedEvent {
  kind: string;
  productId: string;
  category: string;
  visitor: string;
  /** '' when no per-address cap applies (events the shop itself records). */
  address: string;
  weight: number;
}

export interface FoldedEntry {
  id: string;
  at: number;
  events: FoldedEvent[];
}

export interface ApplySettings {
  halfLifeSeconds: number;
  repeatWindowSeconds: number;
  eventsPerAddressPerMinute: number;
}

export async function applyBatches(
  redis: Redis,
  entries: FoldedEntry[],
  settings: ApplySettings,
  now = Date.now(),
): Promise<{ applied: number; dropped: number }> {
  const args: (string | number)[] = [
    EVENTS_GROUP,
    settings.halfLifeSeconds,
    settings.repeatWindowSeconds,
    settings.eventsPerAddressPerMinute,
    hotKeys.category(''),
    presenceKeys.product(''),
    now,
    entries.length,
  ];
  for (const entry of entries) {
    args.push(entry.id, entry.at, entry.events.length);
    for (const e of entry.events) {
      args.push(e.kind, e.productId, e.category, e.visitor, e.address, e.weight);
    }
  }
  const keys = [
    EVENTS_STREAM,
    hotKeys.meta,
    hotKeys.all,
    hotKeys.categories,
    presenceKeys.visitors,
  ];
  const [applied = 0, dropped = 0] = (await redis.eval(SCRIPT, keys.length, ...keys, ...args)) as [
    number,
    number,
  ];
  return { applied, dropped };
}
