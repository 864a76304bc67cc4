// The catalog's cache tier: a small cache in each API process (L1) in front of a shared Redis
// (L2) in front of Postgres. Reads fill it (cache-aside); catalog changes invalidate it.
//
// Keys carry a generation. A change gives the product (or the whole listing set) a new
// generation in Redis, with the WAL position of the change, and tells every API process on a
// pub/sub channel to drop what it holds in L1. A fill that raced with the change writes under
// the old generation, where nobody looks; a fill after the change reads from the primary until
// the replica has replayed it. So no fill brings a stale value back.
import { randomUUID } from 'node:crypto';
import type { CatalogChange } from '@shop/domain';
import { parseLsn, type Db, type DbReader, type ReplicaMonitor, type SqlReader } from '@shop/db';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { Counter, Gauge, type Registry } from 'prom-client';
import { primaryReads } from '../http/read-your-writes';

/**
 * What one cached read is: one product by slug, or one answer about the set of products (a
 * listing page, the categories, or the facet cube every listing counts its facets from).
 */
export type CacheEntry =
  | { kind: 'product'; slug: string }
  | { kind: 'listing' | 'categories' | 'facets'; key: string; ttlSeconds?: number };

/** Which level answered: this process, Redis, the database (filling both), or the database alone. */
export type CacheLevel = 'L1' | 'L2' | 'MISS' | 'BYPASS';

export interface Cached<T> {
  value: T;
  level: CacheLevel;
  /** The value as JSON, when the cache holds it so (every level but BYPASS): sent as it is. */
  json?: string;
}

// Any change of a category's listings drops every cached listing here (one generation).
export type { CatalogChange };

/** One side of the database (the replica, or the primary), through Prisma and in plain SQL. */
export interface Readers {
  prisma: DbReader;
  sql: SqlReader;
}

function readers(db: Db, side: 'primary' | 'replica'): Readers {
  return { prisma: db[side], sql: db.sql[side] };
}

export interface CatalogCacheOptions {
  /** Commands (non-persistent Redis; values expire, so volatile-lru may evict them). */
  redis: Redis;
  /** A connection of its own for the invalidation channel. */
  subscriber: Redis;
  db: Db;
  replica: ReplicaMonitor;
  /** Entries per process and how long one may serve without a look at Redis. */
  l1: { max: number; ttlMs: number };
  /** How long Redis keeps a value: the bound on staleness when an invalidation was lost. */
  ttlSeconds: number;
  /** How long a process waits for another one filling the same key before reading itself. */
  fillWaitMs?: number;
  /** False: every read goes to Postgres (BYPASS), as a shop without a cache tier reads. */
  enabled?: boolean;
  log: { warn: (details: object, message: string) => void };
}

const CHANNEL = 'cache:catalog:invalidate';
const LISTINGS_GENERATION = 'cache:gen:listings';
/** Part of every value's key; a flush moves it on, so nothing stored before is found again. */
const EPOCH = 'cache:epoch';
const productGeneration = (slug: string) => `cache:gen:product:${slug}`;
const HEARTBEAT_MS = 500;
const NOT_FOUND_TTL_SECONDS = 3;
/** Longer than RETRY_MS, so owed invalidations are in Redis before anyone reads it again. */
const RESUME_MS = 1_000;
const RETRY_MS = 400;
/** How long a fill may hold its key's lock (one dying while it fills holds it no longer). */
const FILL_LOCK_MS = 3_000;
/** A product's generation outlives its values; then an evicted generation cannot revive one. */
const PRODUCT_GENERATION_TTL_SECONDS = 86_400;

function keysOf(entry: CacheEntry): { id: string; generation: string; prefix: string } {
  return entry.kind === 'product'
    ? {
        id: `product:${entry.slug}`,
        generation: productGeneration(entry.slug),
        prefix: `cache:product:${entry.slug}:`,
      }
    : {
        id: `${entry.kind}:${entry.key}`,
        generation: LISTINGS_GENERATION,
        prefix: `cache:${entry.kind}:${entry.key}:`,
      };
}

// Reads a key's generation (prefixed with the cache's epoch, which a flush moves on), the WAL
// position of the change that set it, and the value stored under it, in one round trip; when
// there is no value, it takes the lock to fill it (1) unless another process holds it (0). The
// lock expires by itself (ARGV[3] ms), so a process dying while it fills only delays the rest.
// (The keys are derived inside the script: one Redis, no cluster.)
const READ = `
local g = redis.call('HMGET', KEYS[1], 'n', 'lsn')
local n = (redis.call('GET', '${EPOCH}') or '0') .. ':' .. (g[1] or '0')
local value = redis.call('GET', ARGV[1] .. n)
local fill = 0
if not value and redis.call('SET', ARGV[1] .. n .. ':fill', ARGV[2], 'PX', ARGV[3], 'NX') then
  fill = 1
end
return { n, g[2] or false, value, fill }`;

// A new generation (Redis' clock in microseconds: never repeats, also after an eviction), with
// the change's WAL position. A product's value under the old generation is deleted too.
const BUMP = `
local t = redis.call('TIME')
local n = t[1] .. string.format('%06d', tonumber(t[2]))
local old = redis.call('HGET', KEYS[1], 'n')
redis.call('HSET', KEYS[1], 'n', n, 'lsn', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
if ARGV[1] ~= '' then
  local epoch = redis.call('GET', '${EPOCH}') or '0'
  redis.call('DEL', ARGV[1] .. epoch .. ':0')
  if old then redis.call('DEL', ARGV[1] .. epoch .. ':' .. old) end
end
return n`;

interface CacheCommands {
  cacheRead(
    generation: string,
    prefix: string,
    owner: string,
    lockMs: number,
  ): Promise<[string, string | null, string | null, 0 | 1]>;
  cacheBump(generation: string, prefix: string, lsn: string, ttlSeconds: number): Promise<string>;
}

type Session = { get(key: 'writtenLsn'): string | undefined };

export class CatalogCache {
  private readonly l1: LRUCache<string, { value: unknown; json: string }>;
  private readonly inflight = new Map<string, Promise<Cached<unknown>>>();
  private readonly redis: Redis & CacheCommands;
  /** This process, as the owner of the fill locks it takes. */
  private readonly id = randomUUID();
  /** Counts invalidations seen here: a fill that saw one meanwhile keeps its value out of L1. */
  private epoch = 0;
  /** Invalidations Redis did not take (it was down): sent again before the cache is used. */
  private pending: { change: CatalogChange; lsn: string } | undefined;
  private retry: NodeJS.Timeout | undefined;
  private subscribed = false;
  /** When the invalidation channel last answered a ping: a stalled Redis shows here. */
  private heardAt = 0;
  /**
   * When Redis answered again after a stall. The cache is used again only a while later, once
   * any process owing invalidations (made while Redis was away) has sent them: see RESUME_MS.
   */
  private backAt = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private resent: ((change: CatalogChange) => void) | undefined;
  private reads: Counter<'cache' | 'level'> | undefined;
  private invalidations: Counter<'scope'> | undefined;
  private fillWaits: Counter | undefined;

  constructor(private readonly options: CatalogCacheOptions) {
    this.l1 = new LRUCache({ max: options.l1.max, ttl: options.l1.ttlMs });
    options.redis.defineCommand('cacheRead', { numberOfKeys: 1, lua: READ });
    options.redis.defineCommand('cacheBump', { numberOfKeys: 1, lua: BUMP });
    this.redis = options.redis as Redis & CacheCommands;

    const { subscriber } = options;
    subscriber.on('message', (_channel: string, message: string) => {
      try {
        const parsed = JSON.parse(message) as CatalogChange | { all: true };
        if ('all' in parsed) this.dropAllLocal();
        else this.dropLocal(parsed);
      } catch {
        this.dropAllLocal();
      }
    });
    // Messages sent while this connection was down are lost: forget everything held locally,
    // and use the cache again only once the channel is back.
    subscriber.on('ready', () => {
      this.dropAllLocal();
      this.subscribed = true;
      this.heardAt = this.backAt = Date.now();
    });
    // A Redis that stopped answering (but kept its connections) is noticed within two beats:
    // L1 is not used meanwhile, since its invalidations could not arrive.
    this.heartbeat = setInterval(() => {
      subscriber.ping().then(
        () => {
          const now = Date.now();
          if (now - this.heardAt > HEARTBEAT_MS * 2) {
            this.dropAllLocal();
            this.backAt = now;
          }
          this.heardAt = now;
        },
        () => undefined,
      );
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    subscriber.on('close', () => {
      this.subscribed = false;
      this.dropAllLocal();
    });
    void subscriber.subscribe(CHANNEL).catch((error: unknown) => {
      options.log.warn({ err: String(error) }, 'cache: cannot subscribe to invalidations');
    });
  }

  /** Registers the cache's counters in the process's metrics. */
  registerMetrics(registry: Registry): void {
    this.reads = new Counter({
      name: 'shop_cache_reads_total',
      help: 'Catalog reads by cache and the level that answered (L1 process, L2 Redis, MISS filled from Postgres, BYPASS Postgres only)',
      labelNames: ['cache', 'level'],
      registers: [registry],
    });
    this.invalidations = new Counter({
      name: 'shop_cache_invalidations_total',
      help: 'Catalog invalidations this process sent, by scope',
      labelNames: ['scope'],
      registers: [registry],
    });
    this.fillWaits = new Counter({
      name: 'shop_cache_fill_waits_total',
      help: 'Cache misses that waited for another process filling the same key instead of reading Postgres',
      registers: [registry],
    });
    const usable = () => (this.usable() ? 1 : 0);
    new Gauge({
      name: 'shop_cache_usable',
      help: 'Whether this process reads through the cache (0 while its Redis or the invalidation channel is down)',
      registers: [registry],
      collect() {
        this.set(usable());
      },
    });
  }

  /** Redis answers, the invalidation channel is listened to, and no invalidation is owed. */
  usable(): boolean {
    return (
      this.options.redis.status === 'ready' &&
      this.subscribed &&
      Date.now() - this.heardAt <= HEARTBEAT_MS * 2 &&
      Date.now() - this.backAt >= RESUME_MS &&
      !this.pending
    );
  }

  /** Called with changes sent late (Redis was down when they happened), once they are sent. */
  onResent(listener: (change: CatalogChange) => void): void {
    this.resent = listener;
  }

  /**
   * The entry from the nearest level that has it; on a miss, `load` reads Postgres once for all
   * the requests (of every process) that want the same entry. A session that wrote something
   * the replica has not replayed yet reads Postgres (the primary) directly: its own write first.
   */
  async read<T>(
    entry: CacheEntry,
    load: (from: Readers) => Promise<T>,
    session: Session,
  ): Promise<Cached<T>> {
    const { db, replica } = this.options;
    const written = session.get('writtenLsn');
    if (written !== undefined && replica.usable() && !replica.hasReplayed(written)) {
      primaryReads.inc({ reason: 'read_your_writes' });
      return this.count(entry, { value: await load(readers(db, 'primary')), level: 'BYPASS' });
    }
    if (this.options.enabled === false || !this.usable()) {
      return this.count(entry, { value: await load(this.fillReader(null)), level: 'BYPASS' });
    }
    const keys = keysOf(entry);
    // A session that wrote lately skips L1: another process may not have heard of its change
    // yet, while Redis has (the writer waited for it).
    const local = written === undefined ? this.l1.get(keys.id) : undefined;
    if (local) {
      return this.count(entry, { value: local.value as T, json: local.json, level: 'L1' });
    }

    const flight = this.inflight.get(keys.id);
    if (flight) {
      // Answered by this process's read of the same key, without a lookup of its own.
      const shared = (await flight) as Cached<T>;
      return this.count(entry, {
        ...shared,
        level: shared.level === 'BYPASS' ? 'BYPASS' : 'L1',
      });
    }
    const own = this.fromRedis(entry, keys, load).finally(() => this.inflight.delete(keys.id));
    this.inflight.set(keys.id, own);
    return this.count(entry, await own);
  }

  private async fromRedis<T>(
    entry: CacheEntry,
    keys: ReturnType<typeof keysOf>,
    load: (from: Readers) => Promise<T>,
  ): Promise<Cached<T>> {
    const epoch = this.epoch;
    const ttlSeconds =
      'ttlSeconds' in entry
        ? (entry.ttlSeconds ?? this.options.ttlSeconds)
        : this.options.ttlSeconds;
    let found: [string, string | null, string | null, 0 | 1];
    try {
      found = await this.redis.cacheRead(keys.generation, keys.prefix, this.id, FILL_LOCK_MS);
    } catch (error) {
      this.redisFailed(error);
      return { value: await load(this.fillReader(null)), level: 'BYPASS' };
    }
    const [generation, lsn, stored, lock] = found;
    if (stored !== null) return this.keep(keys.id, epoch, ttlSeconds, stored, 'L2');

    // A miss: one process fills (it got the lock), the others wait for its value.
    const valueKey = keys.prefix + generation;
    const filling = lock === 1;
    if (!filling) {
      this.fillWaits?.inc();
      try {
        const filled = await this.waitForFill(valueKey);
        if (filled !== null) return this.keep(keys.id, epoch, ttlSeconds, filled, 'L2');
      } catch (error) {
        this.redisFailed(error);
        return { value: await load(this.fillReader(null)), level: 'BYPASS' };
      }
    }
    let value: T;
    try {
      value = await load(this.fillReader(lsn));
    } catch (error) {
      if (filling) void this.redis.del(`${valueKey}:fill`).catch(() => undefined);
      throw error;
    }
    const json = JSON.stringify(value);
    await this.redis
      .set(valueKey, json, 'EX', lifetime(value, ttlSeconds))
      .catch((error: unknown) => this.redisFailed(error));
    return this.keep(keys.id, epoch, ttlSeconds, json, 'MISS', value);
  }

  private async waitForFill(valueKey: string): Promise<string | null> {
    const deadline = Date.now() + (this.options.fillWaitMs ?? 2_000);
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const value = await this.redis.get(valueKey);
      if (value !== null) return value;
    }
    return null;
  }

  /** Keeps a value (and its JSON) in L1, unless an invalidation arrived while it was read. */
  private keep<T>(
    id: string,
    epoch: number,
    ttlSeconds: number,
    json: string,
    level: CacheLevel,
    value: T = JSON.parse(json) as T,
  ): Cached<T> {
    if (epoch === this.epoch) {
      const ttl = Math.min(this.options.l1.ttlMs, lifetime(value, ttlSeconds) * 1000);
      this.l1.set(id, { value, json }, { ttl });
    }
    return { value, json, level };
  }

  /**
   * Where a fill reads: the replica, unless the entry changed at a WAL position the replica has
   * not replayed yet (or the replica is down or far behind).
   */
  private fillReader(lsn: string | null): Readers {
    const { db, replica } = this.options;
    if (!replica.usable()) {
      primaryReads.inc({ reason: 'replica_unusable' });
      return readers(db, 'primary');
    }
    if (lsn && !replica.hasReplayed(lsn)) {
      primaryReads.inc({ reason: 'change_not_replayed' });
      return readers(db, 'primary');
    }
    return readers(db, 'replica');
  }

  private count<T>(entry: CacheEntry, cached: Cached<T>): Cached<T> {
    this.reads?.inc({ cache: entry.kind, level: cached.level });
    return cached;
  }

  /**
   * A committed change, at WAL position `lsn`: new generations in Redis and a message to every
   * process. When Redis cannot take it, the cache is not used (reads go to Postgres) until it
   * has been sent.
   */
  async invalidate(change: CatalogChange, lsn: string): Promise<void> {
    this.dropLocal(change);
    if (change.products.length > 0)
      this.invalidations?.inc({ scope: 'product' }, change.products.length);
    if (change.categories.length > 0) this.invalidations?.inc({ scope: 'listings' });
    const earlier = this.pending;
    const owed = earlier ? merge(earlier.change, change) : change;
    const owedLsn = earlier ? laterLsn(earlier.lsn, lsn) : lsn;
    try {
      await this.send(owed, owedLsn);
      this.pending = undefined;
      if (earlier) this.resent?.(earlier.change);
    } catch (error) {
      this.pending = { change: owed, lsn: owedLsn };
      this.redisFailed(error);
      this.retryPending();
    }
  }

  /**
   * Forgets everything cached, in every process: for changes made around the admin API (a bulk
   * import in SQL, a restore). Returns the new epoch.
   */
  async flush(): Promise<number> {
    this.dropAllLocal();
    const epoch = await this.options.redis.incr(EPOCH);
    await this.options.redis.publish(CHANNEL, JSON.stringify({ all: true }));
    return epoch;
  }

  /** Tells every process to drop the change from L1 again (Redis keeps its generations). */
  async announce(change: CatalogChange): Promise<void> {
    this.dropLocal(change);
    await this.options.redis.publish(CHANNEL, JSON.stringify(change)).catch(() => undefined);
  }

  close(): void {
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
  }

  private async send(change: CatalogChange, lsn: string): Promise<void> {
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & {
      cacheBump(generation: string, prefix: string, lsn: string, ttl: number): unknown;
    };
    for (const slug of change.products) {
      pipeline.cacheBump(
        productGeneration(slug),
        `cache:product:${slug}:`,
        lsn,
        PRODUCT_GENERATION_TTL_SECONDS,
      );
    }
    if (change.categories.length > 0) pipeline.cacheBump(LISTINGS_GENERATION, '', lsn, 0);
    pipeline.publish(CHANNEL, JSON.stringify(change));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  private retryPending(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      const owed = this.pending;
      if (!owed) return;
      this.send(owed.change, owed.lsn).then(
        () => {
          this.resent?.(owed.change);
          if (this.pending === owed) this.pending = undefined;
          else this.retryPending();
        },
        () => this.retryPending(),
      );
    }, RETRY_MS);
    this.retry.unref();
  }

  private dropLocal(change: CatalogChange): void {
    this.epoch++;
    for (const slug of change.products) this.l1.delete(`product:${slug}`);
    if (change.categories.length > 0) {
      for (const id of this.l1.keys()) if (!id.startsWith('product:')) this.l1.delete(id);
    }
  }

  private dropAllLocal(): void {
    this.epoch++;
    this.l1.clear();
  }

  private redisFailed(error: unknown): void {
    this.options.log.warn({ err: String(error) }, 'cache: Redis failed; reading Postgres');
  }
}

/**
 * Seconds a value is kept. "Not found" (null) only briefly: rows can appear without a change
 * through the admin API (the seed, SQL), and nothing would invalidate their absence.
 */
function lifetime(value: unknown, ttlSeconds: number): number {
  return value === null ? Math.min(ttlSeconds, NOT_FOUND_TTL_SECONDS) : ttlSeconds;
}

function merge(a: CatalogChange, b: CatalogChange): CatalogChange {
  return {
    products: [...new Set([...a.products, ...b.products])],
    categories: [...new Set([...a.categories, ...b.categories])],
    recounted: (a.recounted ?? false) || (b.recounted ?? false),
  };
}

function laterLsn(a: string, b: string): string {
  return parseLsn(a) >= parseLsn(b) ? a : b;
}
