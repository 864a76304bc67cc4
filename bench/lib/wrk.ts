// Runs wrk against one URL and returns throughput, latency percentiles and wrk's own CPU use,
// so a reader can tell whether the load generator, not the server, was the limit.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTools } from './tools';

export interface WrkResult {
  url: string;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Bytes read per response, status line and headers included. */
  bytesPerResponse: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** CPU seconds wrk used per wall second (1.0 = one core saturated). */
  loadGeneratorCpu: number;
}

const REPORT_SCRIPT = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests":%d,"durationUs":%d,"errors":%d,"non2xx":%d,"bytes":%d,"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    summary.bytes, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

export interface WrkOptions {
  seconds: number;
  connections: number;
  threads: number;
  headers?: Record<string, string>;
  /** Paths to ask for in turn instead of the URL's own (each thread from its own offset). */
  paths?: string[];
}

/** A wrk request function that cycles through `paths`, each thread from another offset. */
function cycleScript(paths: string[]): string {
  const list = paths.map((path) => `"${path.replace(/["\\]/g, '')}"`).join(',\n');
  return `
local paths = {
${list}
}
local i = 0
setup = function(thread)
  i = i + 1
  thread:set("start", i * 7919)
end
init = function()
  i = start or 0
end
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
`;
}

export function runWrk(url: string, options: WrkOptions): WrkResult {
  ensureTools('wrk', 'time');
  const script = join(tmpdir(), 'shop-wrk-report.lua');
  writeFileSync(script, (options.paths ? cycleScript(options.paths) : '') + REPORT_SCRIPT);
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([k, v]) => [
    '-H',
    `${k}: ${v}`,
  ]);
  const args = [
    '-f',
    '%U %S',
    'wrk',
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '-s',
    script,
    ...headerArgs,
    url,
  ];
  // GNU time reports wrk's user and system CPU seconds on stderr.
  const run = spawnSync('/usr/bin/time', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const line = run.stdout.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no report: ${run.stdout}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length)) as {
    requests: number;
    durationUs: number;
    errors: number;
    non2xx: number;
    bytes: number;
    p50: number;
    p95: number;
    p99: number;
  };
  const [user = 0, sys = 0] = run.stderr.trim().split('\n').at(-1)?.split(' ').map(Number) ?? [];
  const seconds = r.durationUs / 1e6;
  return {
    url,
    requestsPerSecond: r.requests / seconds,
    requests: r.requests,
    errors: r.errors,
    non2xx: r.non2xx,
    bytesPerResponse: r.requests > 0 ? r.bytes / r.requests : 0,
    latencyMs: { p50: r.p50 / 1000, p95: r.p95 / 1000, p99: r.p99 / 1000 },
    loadGeneratorCpu: (user + sys) / seconds,
  };
}
