// kill-worker's own figures and their verdict, besides the load's: the shopper events the shop
// accepted against what the workers' fold counted, what the killed workers were in the middle
// of, and the hot lists' age after the kill. No I/O here (the moves: chaos-kill-worker.ts).
import type { Verdict } from './chaos-verdict';
import { formatCount as count } from './html-page';
import { eventRequests } from './scripts';
import type { ArtilleryOutput } from './summarize';

/** Events per kind that shoppers' requests make the API record (purchases come via the outbox). */
export interface PerKind {
  view: number;
  cart: number;
}

/** The view beacons the API accepted (202) and the cart adds it made (200), from the load. */
export function sentByShoppers(output: ArtilleryOutput): PerKind {
  const { counters } = output.aggregate;
  const answered = (request: string, status: number) =>
    counters[`plugins.metrics-by-endpoint.${request}.codes.${status}`] ?? 0;
  return { view: answered(eventRequests.view, 202), cart: answered(eventRequests.addToCart, 200) };
}

/** One answer of GET /api/hot after the kill. */
export interface HotListAge {
  afterKillMs: number;
  /** Seconds since the lists were last folded; null when the API gave no lists. */
  ageSeconds: number | null;
  /** The API's own mark: folded longer ago than it allows (three fold intervals). */
  stale: boolean;
}

export interface FoldFigures {
  /** Events accepted during the run: the shoppers' (sentByShoppers) plus the burst's views. */
  sent: PerKind;
  /** How much the workers' tally of folded events grew over the run, once all were folded. */
  folded: PerKind;
  /** The views written to the events stream at once, as the API writes them. */
  burst: { entries: number; events: number };
  kill: {
    /** When every worker was killed, in ms since the load began. */
    atMs: number;
    /** Stream entries not yet folded at that moment. */
    queuedEntries: number;
    /** Views folded between the burst's writing and the kill: the batch was under way. */
    viewsFolded: number;
    /** Per killed worker, the entries it had read and not acknowledged: its batch in progress. */
    unacknowledged: Record<string, number>;
  };
  /** The hot lists as the API answered, every half second from the kill to the load's end. */
  ages: HotListAge[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const labels: Record<keyof PerKind, string> = { view: 'views', cart: 'cart adds' };

/** The kill found a worker in the middle of a batch; otherwise the scenario tested nothing. */
export function killedMidBatch(fold: FoldFigures): Verdict {
  const busy = Object.entries(fold.kill.unacknowledged).filter(([, entries]) => entries > 0);
  if (busy.length === 0) {
    return { passed: false, says: 'the kill found no worker in the middle of a batch' };
  }
  const held = busy.map(([worker, entries]) => `${worker} had ${count(entries)}`).join(', ');
  return {
    passed: true,
    says:
      `killed mid-batch (${held} stream entries read and not acknowledged; ` +
      `${count(fold.kill.viewsFolded)} views folded since the burst)`,
  };
}

/**
 * Every event the shop accepted was folded exactly once: the fold's tally grew by exactly the
 * events sent, kind by kind. More is an event counted twice, fewer one lost.
 */
export function countedOnce(fold: FoldFigures): Verdict {
  const kinds = Object.keys(labels) as (keyof PerKind)[];
  const parts = kinds.map((kind) => {
    const difference = fold.folded[kind] - fold.sent[kind];
    const off =
      difference > 0
        ? ` (${count(difference)} counted twice)`
        : difference < 0
          ? ` (${count(-difference)} lost)`
          : '';
    return `${labels[kind]}: ${count(fold.sent[kind])} sent, ${count(fold.folded[kind])} folded${off}`;
  });
  return {
    passed: kinds.every((kind) => fold.folded[kind] === fold.sent[kind]),
    says: parts.join('; '),
  };
}

/**
 * The answer from which the API called the hot lists fresh every time to the end of the run (an
 * answer without lists is not fresh); undefined when the last one was not.
 */
export function freshFrom(ages: HotListAge[]): HotListAge | undefined {
  return ages[ages.findLastIndex((age) => age.stale || age.ageSeconds === null) + 1];
}

/** The oldest the hot lists were in any answer, in seconds. */
export const oldestAge = (ages: HotListAge[]) =>
  Math.max(0, ...ages.map((age) => age.ageSeconds ?? 0));

/**
 * The hot lists keep being refreshed after the kill: from some answer within `limitSeconds` of
 * it to the end of the run, the API called them fresh every time.
 */
export function refreshedAfterKill(fold: FoldFigures, limitSeconds: number): Verdict {
  const { ages } = fold;
  const fresh = freshFrom(ages);
  if (fresh === undefined) {
    return {
      passed: false,
      says:
        ages.length === 0
          ? 'no answer about the hot lists after the kill'
          : 'the hot lists were still stale at the end of the run',
    };
  }
  return {
    passed: fresh.afterKillMs <= limitSeconds * 1000,
    says:
      `hot lists at most ${oldestAge(ages).toFixed(1)} s old after the kill, fresh for good ` +
      `${seconds(fresh.afterKillMs)} after it (limit ${limitSeconds} s)`,
  };
}
