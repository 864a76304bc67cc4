// After a catalog change commits: every cache that holds the old value drops it — this API's
// cache tier (every process), the storefront's data cache and its pages at the edge.
import type { Db, ReplicaMonitor } from '@shop/db';
import { walPosition } from '../http/read-your-writes';
import type { CatalogCache, CatalogChange } from './catalog-cache';

export interface Storefront {
  /** Asks each storefront process to revalidate what the change touched (and purge the edge). */
  revalidate(change: CatalogChange): Promise<void>;
}

export interface CatalogChangesDeps {
  db: Db;
  replica: ReplicaMonitor;
  cache: CatalogCache;
  storefront: Storefront;
}

/** How long the other API processes are given to drop a change from L1 (pub/sub). */
const PROPAGATE_MS = 50;
/** How long after the replica replayed a change the caches are told again. */
const SETTLE_MS = 250;
/** A change the replica has not replayed after this long is told again anyway. */
const REPLAY_WAIT_MS = 10_000;

export class CatalogChanges {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: CatalogChangesDeps) {
    // A change the cache tier could only send once Redis was back: a storefront page rebuilt
    // meanwhile may hold the old value, so the storefront is told again.
    deps.cache.onResent((change) => void deps.storefront.revalidate(change));
  }

  /**
   * Call after the change committed (`writtenAt`: its WAL position, when the caller has it).
   * Invalidates the cache tier at once (awaited, so the writer's next read cannot see the old
   * value) and the storefront without waiting for it.
   *
   * Then, once the replica has replayed the change, everything is told a second time: a process
   * that answered from L1 before the first message reached it, or a storefront page rebuilt from
   * such an answer, is dropped again. So every cache serves the new value within the replica's
   * lag plus SETTLE_MS.
   */
  async changed(change: CatalogChange, writtenAt?: string): Promise<void> {
    if (change.products.length === 0 && change.categories.length === 0) return;
    const lsn = writtenAt ?? (await walPosition(this.deps.db));
    await this.deps.cache.invalidate(change, lsn);
    // The other API processes get the invalidation a moment later; the storefront re-reads
    // through them, so it is told once they have had that moment.
    this.later(PROPAGATE_MS, () => void this.deps.storefront.revalidate(change));
    this.afterReplay(lsn, () => {
      void this.deps.cache.announce(change);
      void this.deps.storefront.revalidate(change);
    });
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  private afterReplay(lsn: string, then: () => void): void {
    const { replica } = this.deps;
    const deadline = Date.now() + REPLAY_WAIT_MS;
    const check = () => {
      this.timers.delete(timer);
      const done = !replica.usable() || replica.hasReplayed(lsn) || Date.now() > deadline;
      if (!done) {
        timer = setTimeout(check, 25);
        this.timers.add(timer);
        return;
      }
      this.later(SETTLE_MS, then);
    };
    let timer = setTimeout(check, 0);
    this.timers.add(timer);
  }

  private later(ms: number, then: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      then();
    }, ms);
    this.timers.add(timer);
  }
}
