import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

function totals(): { busy: number; all: number } {
  let busy = 0;
  let all = 0;
  for (const { times } of cpus()) {
    const sum = times.user + times.nice + times.sys + times.irq + times.idle;
    all += sum;
    busy += sum - times.idle;
  }
  return { busy, all };
}

/**
 * The share of the machine's CPU time (0–1, all cores) that was busy during the next `ms`
 * milliseconds. Unlike the load average, which on some virtual machines counts tasks that use no
 * CPU, this is what other work would take from a benchmark.
 */
export async function cpuBusyShare(ms = 2_000): Promise<number> {
  const before = totals();
  await sleep(ms);
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? (after.busy - before.busy) / all : 0;
}

/** The same, blocking this process meanwhile (for benchmarks that drive wrk through spawnSync). */
export function cpuBusyShareSync(ms = 1_000): number {
  const before = totals();
  spawnSync('sleep', [String(ms / 1000)]);
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? (after.busy - before.busy) / all : 0;
}
