// hotlists.fold — shopper events from the stream into the time-decayed hot lists and presence
import { decodeBatch, EVENTS_GROUP, EVENTS_STREAM, hotKeys, type EventKind } from '@shop/jobs';
import type { Redis } from 'ioredis';
import { applyBatches, type ApplySettings, type FoldedEntry } from '../hotlists/apply-batches';
import type { ProductCategories } from '../hotlists/product-categories';

/** Stream entries read at a time. */
const BATCH = 50;
/**
 * Events applied by one script. Redis runs nothing else while a script runs, so a script must
 * stay short (milliseconds) whatever the batches hold: entries are applied in chunks of about
 * this many events (an entry is never split: it is acknowledged as a whole).
 */
const EVENTS_PER_SCRIPT = 1_000;
/** A batch another worker read and has not acknowledged for this long is taken over. */
const TAKE_OVER_AFTER_MS = 10_000;
/** One run stops reading after this long; the next run goes on (the job keeps its lock short). */
const RUN_BUDGET_MS = 20_000;

export interface FoldDeps {
  redis: Redis;
  categories: ProductCategories;
  /** This worker's name in the consumer group. */
  consumer: string;
  weights: Record<EventKind, number>;
  settings: ApplySettings;
}

export interface FoldResult {
  entries: number;
  events: number;
  applied: number;
  dropped: number;
}

type StreamEntry = [id: string, fields: string[]];

/** Creates the consumer group (and the stream) once; later calls find it there. */
export async function ensureGroup(redis: Redis): Promise<void> {
  try {
    await redis.xgroup('CREATE', EVENTS_STREAM, EVENTS_GROUP, '0', 'MKSTREAM');
  } catch (error) {
    if (!(error instanceof Error && error.message.includes('BUSYGROUP'))) throw error;
  }
}

/**
 * Reads what the stream holds for the group: first batches whose worker went quiet (taken over),
 * then new ones; resolves each event's product to its department (events naming no product are
 * dropped, a heartbeat without a product still counts as presence) and applies each batch
 * atomically with its acknowledgement (applyBatches).
 */
export async function foldHotlists(deps: FoldDeps): Promise<FoldResult> {
  const { redis, consumer } = deps;
  await ensureGroup(redis);
  const result: FoldResult = { entries: 0, events: 0, applied: 0, dropped: 0 };
  const started = Date.now();

  let cursor = '0-0';
  do {
    const [next, claimed] = (await redis.xautoclaim(
      EVENTS_STREAM,
      EVENTS_GROUP,
      consumer,
      TAKE_OVER_AFTER_MS,
      cursor,
      'COUNT',
      BATCH,
    )) as [string, StreamEntry[]];
    await apply(deps, claimed, result);
    cursor = next;
  } while (cursor !== '0-0' && Date.now() - started < RUN_BUDGET_MS);

  // Batches this worker read before it restarted (under the same name), then new ones.
  for (const from of ['0', '>']) {
    while (Date.now() - started < RUN_BUDGET_MS) {
      const read = (await redis.xreadgroup(
        'GROUP',
        EVENTS_GROUP,
        consumer,
        'COUNT',
        BATCH,
        'STREAMS',
        EVENTS_STREAM,
        from,
      )) as [string, StreamEntry[]][] | null;
      const entries = read?.[0]?.[1] ?? [];
      if (entries.length === 0) break;
      await apply(deps, entries, result);
      if (from === '0' && entries.length < BATCH) break;
    }
  }
  // Current as of now even when nothing came in (a quiet shop is not a stopped worker); the
  // lists' meta is left alone until they have an origin, so a restore still sees it missing.
  if (result.entries === 0) await redis.eval(MARK_FOLDED, 1, hotKeys.meta, Date.now());
  return result;
}

const MARK_FOLDED = `
if redis.call('HEXISTS', KEYS[1], 'epochMs') == 1 then redis.call('HSET', KEYS[1], 'foldedAt', ARGV[1]) end
`;

async function apply(deps: FoldDeps, entries: StreamEntry[], result: FoldResult): Promise<void> {
  if (entries.length === 0) return;
  const batches = entries.map(([id, fields]) => ({ id, batch: decodeBatch(fields) }));
  const productIds = new Set<string>();
  for (const { batch } of batches) {
    for (const event of batch?.events ?? []) if (event.productId) productIds.add(event.productId);
  }
  const categories = await deps.categories.resolve(productIds);
  const folded: FoldedEntry[] = batches.map(({ id, batch }) => ({
    id,
    at: batch?.at ?? Date.now(),
    events: (batch?.events ?? []).flatMap((event) => {
      const category = event.productId ? categories.get(event.productId) : null;
      // A product that does not exist counts for nothing, not even as a page being looked at.
      if (event.productId && !category) return event.kind === 'seen' ? [presenceOnly(event)] : [];
      return [
        {
          kind: event.kind,
          productId: event.productId ?? '',
          category: category ?? '',
          visitor: event.visitor,
          address: event.kind === 'purchase' ? '' : event.address,
          weight: deps.weights[event.kind],
        },
      ];
    }),
  }));
  let chunk: FoldedEntry[] = [];
  let size = 0;
  for (const [i, entry] of folded.entries()) {
    chunk.push(entry);
    size += entry.events.length;
    if (size >= EVENTS_PER_SCRIPT || i === folded.length - 1) {
      const { applied, dropped } = await applyBatches(deps.redis, chunk, deps.settings);
      result.applied += applied;
      result.dropped += dropped;
      result.events += size;
      chunk = [];
      size = 0;
    }
  }
  result.entries += entries.length;
}

function presenceOnly(event: { kind: EventKind; visitor: string; address: string }) {
  return {
    kind: event.kind,
    productId: '',
    category: '',
    visitor: event.visitor,
    address: event.address,
    weight: 0,
  };
}
