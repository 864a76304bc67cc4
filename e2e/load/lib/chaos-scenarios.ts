// The chaos scenarios: a fault made in the running local stack while protocol shoppers shop,
// undone after a while, and the steady-state hypothesis the shop promises to keep. The faults
// act through the stack's own supervisord (and, for replay, the replica's superuser socket; for
// the workers, the events Redis).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '../env';
import {
  countedOnce,
  killedMidBatch,
  refreshedAfterKill,
  type FoldFigures,
} from './chaos-fold-verdict';
import { finishFoldWatch, killWorkersMidBatch, startFoldWatch } from './chaos-kill-worker';
import type { Mix } from './mixes';
import type { Catalog } from './shop-catalog';
import type { ArtilleryOutput } from './summarize';
import type { Verdict, Windows } from './chaos-verdict';

/** What a fault may need to know of the run. */
export interface FaultContext {
  target: string;
  catalog: Catalog;
  /** The run's folder, for anything a fault writes. */
  folder: string;
  /** How long the fault lasts. */
  seconds: number;
  /** When the load began (ms since the epoch); it lasts three times `seconds`. */
  loadStartedAt: number;
}

export interface Scenario {
  name: string;
  /** What is broken, for a person. */
  fault: string;
  /** The promise, for a person; `check` decides it from the figures. */
  hypothesis: string;
  mix: Mix;
  /** Before the load starts, for a scenario that measures the shop itself (kill-worker). */
  before?(): Promise<void>;
  inject(context: FaultContext): void | Promise<void>;
  restore(): void;
  /** After the load ended: the figures such a scenario measured, for its check and the report. */
  after?(output: ArtilleryOutput): Promise<FoldFigures>;
  check(windows: Windows, fold?: FoldFigures): Verdict;
}

/** Runs a command; answers what it printed, or throws with it when it failed. */
function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')}: ${result.stdout}${result.stderr}`.trim());
  }
  return result.stdout;
}

const supervisorConf = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'infra',
  'local',
  'supervisord.conf',
);
const supervise = (...args: string[]) => run('supervisorctl', ['-c', supervisorConf, ...args]);

/** SQL as the replica's superuser, over the stack's Unix socket. */
function onReplica(sql: string): void {
  if (!env.SHOP_DATA) throw new Error('SHOP_DATA is not set: run through npm run chaos');
  run('psql', [
    '-h',
    join(env.SHOP_DATA, 'run', 'pg'),
    '-p',
    String(env.PG_REPLICA_PORT),
    '-U',
    'postgres',
    '-d',
    'shop',
    '-qAtc',
    sql,
  ]);
}

const percent = (share: number | null) =>
  share === null ? 'n/a' : `${(share * 100).toFixed(2)} %`;
const ms = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value)} ms`);

/** Refused or unanswered requests while the fault lasted stay under `limit`. */
function fewErrors(windows: Windows, limit: number): Verdict {
  const rate = windows.during.errorRate;
  return {
    passed: rate !== null && rate < limit,
    says: `${percent(rate)} of ${windows.during.requests} requests failed during the fault (limit ${percent(limit)})`,
  };
}

/** The worst 10 s period's p95 while the fault lasted stays under `limitMs`. */
function fastDuring(windows: Windows, limitMs: number): Verdict {
  return {
    passed: windows.during.p95 !== null && windows.during.p95 < limitMs,
    says: `p95 ${ms(windows.during.p95)} during the fault (limit ${limitMs / 1000} s)`,
  };
}

/** Back to the steady state within `seconds` of the fault's end. */
function recovers(windows: Windows, seconds: number): Verdict {
  const { recoveredWithinSeconds } = windows;
  return {
    passed: recoveredWithinSeconds !== null && recoveredWithinSeconds <= seconds,
    says:
      recoveredWithinSeconds === null
        ? 'never back to the steady state in the run'
        : `steady again within ${recoveredWithinSeconds} s of the fault's end (limit ${seconds} s)`,
  };
}

function both(...verdicts: Verdict[]): Verdict {
  return { passed: verdicts.every((v) => v.passed), says: verdicts.map((v) => v.says).join('; ') };
}

/** The worker processes' ids, as supervisord gives them (0 for one not running). */
function workerPids(): number[] {
  return Array.from({ length: env.WORKER_REPLICAS }, (_, i) =>
    Number(supervise('pid', `worker:worker-${i + 1}`).trim()),
  ).filter((pid) => pid > 0);
}

export const scenarios: readonly Scenario[] = [
  {
    name: 'kill-api',
    fault: 'API replica 1 killed (SIGKILL); supervisord starts it again',
    hypothesis: 'under 0.5 % of requests fail; shoppers keep their sessions and carts',
    mix: 'shopping',
    inject: () => supervise('signal', 'KILL', 'api:api-1'),
    restore: () => supervise('start', 'api:api-1'),
    check: (windows) => fewErrors(windows, 0.005),
  },
  {
    name: 'stop-replica',
    fault: 'the read replica (Postgres) stopped',
    hypothesis: 'reads move to the primary: no request fails (under 0.1 %)',
    mix: 'browsing',
    inject: () => supervise('stop', 'pg-replica'),
    restore: () => supervise('start', 'pg-replica'),
    check: (windows) => fewErrors(windows, 0.001),
  },
  {
    name: 'pause-replay',
    fault: "the replica's replay paused: it falls further behind every second",
    hypothesis: 'every shopper still sees their own writes: no request fails (under 0.1 %)',
    mix: 'shopping',
    inject: () => onReplica('SELECT pg_wal_replay_pause()'),
    restore: () => onReplica('SELECT pg_wal_replay_resume()'),
    check: (windows) => fewErrors(windows, 0.001),
  },
  {
    name: 'stop-redis',
    fault: 'Redis (sessions, carts, limits) stopped',
    hypothesis:
      'what needs it fails fast (p95 under 1 s while it is down, a clear 503), and the shop is ' +
      'steady again within 20 s of its return, without restarts',
    mix: 'browsing',
    inject: () => supervise('stop', 'redis'),
    restore: () => supervise('start', 'redis'),
    check: (windows) => both(fastDuring(windows, 1_000), recovers(windows, 20)),
  },
  {
    name: 'stop-images',
    fault: 'the image service and S3 stopped',
    hypothesis: 'pictures the CDN holds are still served: under 0.5 % of requests fail',
    mix: 'browsing',
    inject: () => supervise('stop', 'images', 's3'),
    restore: () => supervise('start', 's3', 'images'),
    check: (windows) => fewErrors(windows, 0.005),
  },
  {
    name: 'stall-primary',
    fault: 'the primary stalls: every process of it stopped (SIGSTOP)',
    hypothesis:
      'browsing goes on from the replica and the caches; what needs the primary is refused ' +
      'within 3 s (p95 under 3 s), not piled up; steady again within 20 s of its return',
    mix: 'shopping',
    inject: () => signalPrimary('STOP'),
    restore: () => signalPrimary('CONT'),
    check: (windows) => both(fastDuring(windows, 3_000), recovers(windows, 20)),
  },
  {
    name: 'spike',
    fault: 'a crowd past capacity: 200 connections asking for listing pages no cache holds',
    hypothesis:
      'the shop refuses what it cannot take at once (429/503) instead of collapsing: ' +
      "shoppers' p95 stays under 2 s, and it is steady again within 20 s after the crowd",
    mix: 'browsing',
    inject: (context) => startCrowd(context),
    restore: () => stopCrowd(),
    check: (windows) => both(fastDuring(windows, 2_000), recovers(windows, 20)),
  },
  {
    name: 'kill-worker',
    fault:
      'every worker process killed (SIGKILL) in the middle of folding a burst of 50,000 views; ' +
      'supervisord starts them again',
    hypothesis:
      "no event is counted twice or lost (the fold's tally grows by exactly the views and cart " +
      'adds the shop accepted), the hot lists are fresh again within 20 s of the kill and stay ' +
      'so, and no request fails (under 0.1 %)',
    mix: 'shopping',
    before: () => startFoldWatch(),
    inject: (context) =>
      killWorkersMidBatch(
        {
          target: context.target,
          productIds: context.catalog.products.map((product) => product.id),
          loadStartedAt: context.loadStartedAt,
          loadEndsAt: context.loadStartedAt + 3 * context.seconds * 1000,
        },
        workerPids(),
      ),
    restore: () => supervise('start', 'worker:*'),
    after: (output) => finishFoldWatch(output),
    check: (windows, fold) =>
      fold === undefined
        ? { passed: false, says: 'no figures of the fold' }
        : both(
            killedMidBatch(fold),
            countedOnce(fold),
            refreshedAfterKill(fold, 20),
            fewErrors(windows, 0.001),
          ),
  },
];

/** The primary's processes: its postmaster (postmaster.pid) and every process it started. */
function primaryProcesses(): string[] {
  if (!env.SHOP_DATA) throw new Error('SHOP_DATA is not set: run through npm run chaos');
  const postmaster =
    readFileSync(join(env.SHOP_DATA, 'pg-primary', 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
  const children = spawnSync('pgrep', ['-P', postmaster], { encoding: 'utf8' }).stdout.split('\n');
  return [postmaster, ...children].filter((pid) => /^\d+$/.test(pid));
}

/** Stops (SIGSTOP) or continues (SIGCONT) every process of the primary. */
function signalPrimary(signal: 'STOP' | 'CONT'): void {
  run('kill', [`-${signal}`, ...primaryProcesses()]);
}

/** The crowd of a traffic spike, while it runs. */
let crowd: ChildProcess | undefined;

/**
 * A crowd far past what the shop serves at once: 200 connections asking for listing pages no
 * cache holds (every department, 50 pages deep, three sorts), as fast as they are answered.
 */
function startCrowd(context: FaultContext): void {
  const paths = context.catalog.categories.flatMap((category) =>
    ['newest', 'price_asc', 'price_desc'].flatMap((sort) =>
      Array.from(
        { length: 50 },
        (_, i) => `/api/products?category=${category}&sort=${sort}&page=${i + 1}`,
      ),
    ),
  );
  const script = join(context.folder, 'crowd.lua');
  writeFileSync(
    script,
    `local paths = {\n${paths.map((path) => JSON.stringify(path)).join(',\n')}\n}\n` +
      'local i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n',
  );
  crowd = spawn(
    'wrk',
    ['-t1', '-c200', `-d${context.seconds + 5}s`, '-s', script, context.target],
    {
      stdio: 'ignore',
    },
  );
}

function stopCrowd(): void {
  crowd?.kill();
  crowd = undefined;
}

export function scenarioNamed(name: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.name === name);
}
