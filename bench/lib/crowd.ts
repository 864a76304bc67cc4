// A crowd of HTTP clients, each connecting from a loopback address of its own (anything in
// 127.0.0.0/8 reaches the stack), so the edge sees as many clients as the crowd has: per-address
// limits count each one apart, as they would count real visitors.
import { Agent, fetch, type Dispatcher } from 'undici';

export interface Crowd {
  /** The dispatcher of client `i` (its own local address). */
  client(i: number): Dispatcher;
  close(): Promise<void>;
}

/** `size` clients from addresses 127.<group>.x.y, so crowds of different groups never mix. */
export function crowd(group: number, size: number): Crowd {
  const agents = Array.from(
    { length: size },
    (_, i) => new Agent({ localAddress: `127.${group}.${Math.floor(i / 250)}.${(i % 250) + 1}` }),
  );
  return {
    client: (i) => agents[i % agents.length] as Agent,
    close: async () => {
      await Promise.all(agents.map((agent) => agent.close()));
    },
  };
}

export interface Outcome {
  status: number;
  ms: number;
  /** Seconds the answer asked the client to wait before trying again (Retry-After). */
  retryAfter?: number;
}

/** One request; its status (0 when no answer came) and how long the answer took. */
export async function timed(
  url: string,
  init: Parameters<typeof fetch>[1] & { dispatcher: Dispatcher },
): Promise<Outcome> {
  const t0 = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      status: response.status,
      ms: performance.now() - t0,
      ...(retryAfter > 0 ? { retryAfter } : {}),
    };
  } catch {
    return { status: 0, ms: performance.now() - t0 };
  }
}

/**
 * Closed loop: every client sends a request, waits for its answer (and `thinkMs`), sends the
 * next, until `seconds` have passed after the warm-up. Told to come back later (Retry-After), a client waits that
 * long, give or take a quarter at random, as the storefront's own code does (`honourRetryAfter`,
 * on unless a crowd is to hammer regardless).
 */
export async function closedLoop(options: {
  clients: number;
  seconds: number;
  /** Run this long first without counting: connections open, processes warm, clients spread. */
  warmupSeconds?: number;
  thinkMs?: number;
  honourRetryAfter?: boolean;
  request: (client: number, n: number) => Promise<Outcome>;
}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const counting = performance.now() + (options.warmupSeconds ?? 0) * 1000;
  const until = counting + options.seconds * 1000;
  const pause = (ms: number) =>
    new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, until - performance.now()))));
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = 0; performance.now() < until; n++) {
        const sent = performance.now();
        const outcome = await options.request(client, n);
        if (sent >= counting) outcomes.push(outcome);
        if (outcome.retryAfter && options.honourRetryAfter !== false) {
          await pause(outcome.retryAfter * 1000 * (0.75 + Math.random() / 2));
        } else if (options.thinkMs) {
          await pause(options.thinkMs);
        }
      }
    }),
  );
  return outcomes;
}

export interface StatusSummary {
  status: number;
  count: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Count and p50/p99 latency per status, most frequent first. */
export function byStatus(outcomes: Outcome[]): StatusSummary[] {
  const groups = new Map<number, number[]>();
  for (const o of outcomes) {
    const times = groups.get(o.status) ?? [];
    times.push(o.ms);
    groups.set(o.status, times);
  }
  return [...groups]
    .map(([status, times]) => {
      const sorted = times.sort((a, b) => a - b);
      return {
        status,
        count: sorted.length,
        p50: percentile(sorted, 0.5),
        p99: percentile(sorted, 0.99),
      };
    })
    .sort((a, b) => b.count - a.count);
}

/** p50/p99 over every outcome, whatever its status. */
export function latency(outcomes: Outcome[]): { p50: number; p99: number } {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}
