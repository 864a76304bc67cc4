// kill-worker's moves on the running local stack: the workers' tally of folded events read
// before the load and after it (once every event is folded), a burst of views written to the
// events stream as the API writes them, every worker process killed (SIGKILL) once one of them
// is in the middle of folding the burst, and the hot lists' age sampled through the API from then
// to the load's end. The verdict is chaos-fold-verdict.ts's.
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeBatch, EVENTS_GROUP, EVENTS_STREAM, hotKeys, type ShopperEvent } from '@shop/jobs';
import { Redis } from 'ioredis';
import { env } from '../env';
import {
  sentByShoppers,
  type FoldFigures,
  type HotListAge,
  type PerKind,
} from './chaos-fold-verdict';
import type { ArtilleryOutput } from './summarize';

/**
 * The burst: 100 entries of 500 views, a busy API's full batches (EVENTS_BATCH_MAX). The
 * shoppers alone make a few events every fold interval, which a worker folds in milliseconds:
 * nothing to be in the middle of. A worker reads 50 entries at a time and applies them 1,000
 * events per script, so 50,000 views keep it folding for seconds (3-9 s here, under load).
 */
const BURST_ENTRIES = 100;
const EVENTS_PER_ENTRY = 500;
/**
 * The burst's views come from one visitor and address of their own, so they barely move the
 * lists: its repeats within the repeat window and its views past the per-address cap count for
 * nothing (the fold still applies and tallies each one).
 */
const BURST_VISITOR = 'chaos-kill-worker';
/**
 * The folds run every 3 s, and a failed one (a database timeout on a busy machine) is followed
 * by the next: a worker not folding the burst after ten of them is not coming.
 */
const FOLD_START_TIMEOUT_MS = 30_000;
/** What the shop has accepted is folded within seconds; a minute means events are stuck. */
const DRAIN_TIMEOUT_MS = 60_000;
const AGE_EVERY_MS = 500;

/** What a run of kill-worker has found so far. */
interface Watch {
  tallyBefore: PerKind;
  burst?: FoldFigures['burst'];
  kill?: FoldFigures['kill'];
  ages: HotListAge[];
}
let watch: Watch | undefined;

/** Where the fault acts: the shop, its products, and the load's span (ms since the epoch). */
export interface KillTarget {
  target: string;
  productIds: string[];
  loadStartedAt: number;
  loadEndsAt: number;
}

/** A short-lived client of the events Redis, closed whatever `use` does. */
async function withEventsRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  if (!env.EVENTS_REDIS_URL)
    throw new Error('EVENTS_REDIS_URL is not set: run through npm run chaos');
  const redis = new Redis(env.EVENTS_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Waits until every entry of the stream is folded: none left, none read and unacknowledged. */
async function drained(redis: Redis): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const [length, [pending]] = await Promise.all([
      redis.xlen(EVENTS_STREAM),
      redis.xpending(EVENTS_STREAM, EVENTS_GROUP) as Promise<[number]>,
    ]);
    if (length === 0 && pending === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the workers left ${length} stream entries (${pending} read and unacknowledged) for ` +
          `${DRAIN_TIMEOUT_MS / 1000} s`,
      );
    }
    await sleep(200);
  }
}

async function tally(redis: Redis): Promise<PerKind> {
  const folded = await redis.hgetall(hotKeys.folded);
  return { view: Number(folded.view ?? 0), cart: Number(folded.cart ?? 0) };
}

/** Before the load: once what came before is folded, the tally to compare with after it. */
export async function startFoldWatch(): Promise<void> {
  watch = await withEventsRedis(async (redis) => {
    await drained(redis);
    return { tallyBefore: await tally(redis), ages: [] };
  });
}

/** XPENDING's summary: entries read and not acknowledged, their id range, and per consumer. */
type PendingSummary = [
  count: number,
  lowest: string | null,
  highest: string | null,
  consumers: [string, string][] | null,
];

/**
 * The fault: writes the burst, waits until a worker is part-way through folding it (its first
 * entry applied, entries still read and not acknowledged), then kills every worker process at
 * once (SIGKILL; supervisord starts them again), notes what each had read and not acknowledged
 * and how many views had been folded since the burst, and starts sampling the hot lists' age.
 */
export async function killWorkersMidBatch(shop: KillTarget, pids: number[]): Promise<void> {
  const current = watch;
  const products = shop.productIds;
  if (!current) throw new Error('the fold watch did not start');
  if (pids.length === 0) throw new Error('no worker process is running');
  if (products.length === 0) throw new Error('no product to view');
  await withEventsRedis(async (redis) => {
    const tallyAtBurst = await tally(redis);
    const batch = redis.pipeline();
    for (let entry = 0; entry < BURST_ENTRIES; entry++) {
      const events = Array.from({ length: EVENTS_PER_ENTRY }, (_, i): ShopperEvent => ({
        kind: 'view',
        productId: products[(entry * EVENTS_PER_ENTRY + i) % products.length] ?? null,
        visitor: BURST_VISITOR,
        address: BURST_VISITOR,
      }));
      batch.xadd(EVENTS_STREAM, '*', ...encodeBatch(Date.now(), events));
    }
    const written = (await batch.exec()) ?? [];
    const first = written[0]?.[1];
    if (written.some(([error]) => error) || typeof first !== 'string') {
      throw new Error('the burst could not be written to the events stream');
    }
    current.burst = { entries: BURST_ENTRIES, events: BURST_ENTRIES * EVENTS_PER_ENTRY };

    // An applied entry leaves the stream (the fold deletes what it acknowledges).
    const deadline = Date.now() + FOLD_START_TIMEOUT_MS;
    for (;;) {
      const [[pending], firstLeft] = await Promise.all([
        redis.xpending(EVENTS_STREAM, EVENTS_GROUP) as Promise<PendingSummary>,
        redis.xrange(EVENTS_STREAM, first, first),
      ]);
      if (pending > 0 && firstLeft.length === 0) break;
      if (Date.now() > deadline) {
        throw new Error(`no worker was folding the burst within ${FOLD_START_TIMEOUT_MS / 1000} s`);
      }
      await sleep(5);
    }
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    const [[, , , consumers], queuedEntries, tallyAtKill] = await Promise.all([
      redis.xpending(EVENTS_STREAM, EVENTS_GROUP) as Promise<PendingSummary>,
      redis.xlen(EVENTS_STREAM),
      tally(redis),
    ]);
    current.kill = {
      atMs: killedAt - shop.loadStartedAt,
      queuedEntries,
      viewsFolded: tallyAtKill.view - tallyAtBurst.view,
      unacknowledged: Object.fromEntries(
        (consumers ?? []).map(([consumer, entries]) => [consumer, Number(entries)]),
      ),
    };
    void sampleAges(shop, killedAt, current.ages);
  });
}

/** Samples the hot lists' age every AGE_EVERY_MS from the kill until the load ends. */
async function sampleAges(shop: KillTarget, killedAt: number, into: HotListAge[]): Promise<void> {
  while (Date.now() < shop.loadEndsAt) {
    const next = sleep(AGE_EVERY_MS);
    into.push(await hotListAge(shop.target, killedAt));
    await next;
  }
}

/** How old the hot lists are, as the API says (through the edge, as shoppers read them). */
async function hotListAge(target: string, killedAt: number): Promise<HotListAge> {
  const askedAt = Date.now();
  const answer = await fetch(`${target}/api/hot?limit=1`, { signal: AbortSignal.timeout(2_000) })
    .then(async (response) =>
      response.ok
        ? ((await response.json()) as { computedAt: string | null; stale: boolean })
        : null,
    )
    .catch(() => null);
  const computedAt = answer?.computedAt ? Date.parse(answer.computedAt) : null;
  return {
    afterKillMs: askedAt - killedAt,
    ageSeconds: computedAt === null ? null : Math.max(0, askedAt - computedAt) / 1000,
    stale: answer?.stale ?? true,
  };
}

/**
 * After the load: waits until every event is folded (Artillery exits seconds after its last
 * request; the API writes what it holds within EVENTS_FLUSH_MS, 50 ms), and answers what was sent
 * against what the fold counted.
 */
export async function finishFoldWatch(output: ArtilleryOutput): Promise<FoldFigures> {
  const current = watch;
  watch = undefined;
  if (!current?.burst || !current.kill) throw new Error('the workers were not killed');
  const { burst, kill, tallyBefore, ages } = current;
  const tallyAfter = await withEventsRedis(async (redis) => {
    await drained(redis);
    return tally(redis);
  });
  const shoppers = sentByShoppers(output);
  return {
    sent: { view: shoppers.view + burst.events, cart: shoppers.cart },
    folded: { view: tallyAfter.view - tallyBefore.view, cart: tallyAfter.cart - tallyBefore.cart },
    burst,
    kill,
    ages: [...ages],
  };
}
