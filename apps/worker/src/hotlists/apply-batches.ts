import { EVENTS_GROUP, EVENTS_STREAM, hotKeys, presenceKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';

/**
 * Applies folded stream entries to the hot lists and presence, and acknowledges them, in one
 * atomic script. Each entry counts only if this call acknowledged it (XACK answered 1): an entry
 * another worker applied first, after taking over a batch thought lost, is skipped, so every
 * event counts exactly once. A worker killed before its script leaves the entries unacknowledged
 * (applied once, by whoever reads them next); one killed while it runs cannot stop it (Redis
 * runs a script to its end), so they are applied and acknowledged. Each event of an entry applied
 * here is added to a tally per kind (hotKeys.folded): an entry applied twice would show there.
 * Within an entry, an event counts toward the lists unless the visitor already did the same to
 * the product within the repeat window, or its address used up its events for the minute.
 * Purchases come from the outbox, not from a visitor: they leave presence alone and are never
 * capped.
 *
 * Redis runs nothing else while a script runs, so the script does as few commands as it can:
 * - what counts is added up per product first, then written with one ZINCRBY per product and
 *   list, not one per event;
 * - presence (who is online, who looks at which product) keeps the 30-second slot a visitor was
 *   last seen in (the time rounded up to the slot's end): ZADD GT writes once per visitor per
 *   slot however many events arrive, with no read first;
 * - an address's events per minute are counted in one hash per minute (HINCRBY), not a key each.
 *
 * Keys other than KEYS[] are built in the script (per-category lists, presence per product,
 * repeat marks, address counts): fine on one Redis, not on a cluster.
 */
const SCRIPT = `
local stream, meta, all, categories, online = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local tally = KEYS[6]
local group, halfLife = ARGV[1], tonumber(ARGV[2])
local repeatWindow, addressCap = tonumber(ARGV[3]), tonumber(ARGV[4])
local categoryPrefix, viewingPrefix, now = ARGV[5], ARGV[6], tonumber(ARGV[7])
local repeatPrefix, addressPrefix = ARGV[9], ARGV[10]
local epoch = tonumber(redis.call('HGET', meta, 'epochMs'))
if not epoch then
  epoch = now
  redis.call('HSET', meta, 'epochMs', epoch, 'halfLifeSeconds', halfLife)
end
local SLOT = 30000
local applied, dropped, i = 0, 0, 11
local lastSeen, viewing, added, addedIn, minutes, kinds = {}, {}, {}, {}, {}, {}
for entry = 1, tonumber(ARGV[8]) do
  local id, at, count = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  i = i + 3
  local mine = redis.call('XACK', stream, group, id) == 1
  if mine then redis.call('XDEL', stream, id) end
  local growth = 2 ^ ((at - epoch) / 1000 / halfLife)
  local slot = math.ceil(at / SLOT) * SLOT
  local minute = math.floor(at / 60000)
  for e = 1, count do
    local kind, product, category = ARGV[i], ARGV[i + 1], ARGV[i + 2]
    local visitor, address, weight = ARGV[i + 3], ARGV[i + 4], tonumber(ARGV[i + 5])
    i = i + 6
    if mine then
      kinds[kind] = (kinds[kind] or 0) + 1
      if kind ~= 'purchase' then
        if (lastSeen[visitor] or 0) < slot then lastSeen[visitor] = slot end
        if product ~= '' then
          local seen = viewing[product]
          if not seen then seen = {}; viewing[product] = seen end
          if (seen[visitor] or 0) < slot then seen[visitor] = slot end
        end
      end
      if weight > 0 and product ~= '' then
        local counts = redis.call('SET', repeatPrefix .. kind .. ':' .. visitor .. ':' .. product,
          1, 'NX', 'EX', repeatWindow)
        if counts and address ~= '' then
          local bucket = addressPrefix .. minute
          minutes[bucket] = true
          counts = redis.call('HINCRBY', bucket, address, 1) <= addressCap
        end
        if counts then
          added[product] = (added[product] or 0) + weight * growth
          if category ~= '' then addedIn[product] = category end
          applied = applied + 1
        else
          dropped = dropped + 1
        end
      end
    end
  end
end
-- Once per product, visitor, category, minute and kind touched, not once per event.
local listed = {}
for product, score in pairs(added) do
  redis.call('ZINCRBY', all, score, product)
  local category = addedIn[product]
  if category then
    redis.call('ZINCRBY', categoryPrefix .. category, score, product)
    listed[category] = true
  end
end
for visitor, slot in pairs(lastSeen) do redis.call('ZADD', online, 'GT', slot, visitor) end
for product, seen in pairs(viewing) do
  local key = viewingPrefix .. product
  for visitor, slot in pairs(seen) do redis.call('ZADD', key, 'GT', slot, visitor) end
  redis.call('PEXPIRE', key, 600000)
end
for category in pairs(listed) do redis.call('SADD', categories, category) end
for bucket in pairs(minutes) do redis.call('EXPIRE', bucket, 120) end
for kind, count in pairs(kinds) do redis.call('HINCRBY', tally, kind, count) end
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
    hotKeys.repeatPrefix,
    hotKeys.addressPrefix,
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
    hotKeys.folded,
  ];
  const [applied = 0, dropped = 0] = (await redis.eval(SCRIPT, keys.length, ...keys, ...args)) as [
    number,
    number,
  ];
  return { applied, dropped };
}
