// What the runner watches while the load runs, every few seconds: the machine's CPUs (and which
// part the load generator itself used: this process and everything it started, Chromium too),
// the API replicas' /metrics (cache reads by level, replica lag) and the edge's access log (page
// cache and image CDN hits). A source that cannot be read is left out, not guessed.
import { open, readdir, readFile, stat } from 'node:fs/promises';
import type { Sample } from './report-types';

export interface SamplerSources {
  /** The API replicas' /metrics URLs. */
  apiMetrics: string[];
  /** The edge's JSON access log, when the shop runs on this machine. */
  edgeAccessLog?: string;
}

interface CpuTicks {
  total: number;
  idle: number;
  generator: number;
}

async function machineTicks(): Promise<{ total: number; idle: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { total: fields.reduce((sum, n) => sum + n, 0), idle };
}

/** CPU ticks of this process and all its descendants (Artillery's workers, Chromium). */
async function generatorTicks(): Promise<number> {
  const processes = new Map<number, { parent: number; ticks: number }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // The command name (2nd field) may hold spaces; the rest follows its closing parenthesis.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), {
      parent: Number(rest[1]),
      ticks: Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]),
    });
  }
  const isGenerator = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; hops++) {
      if (at === process.pid) return true;
      at = processes.get(at)?.parent ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of processes) if (isGenerator(pid)) ticks += info.ticks;
  return ticks;
}

async function cpuTicks(): Promise<CpuTicks> {
  const [machine, generator] = await Promise.all([machineTicks(), generatorTicks()]);
  return { ...machine, generator };
}

/** `shop_cache_reads_total` summed per level over every replica; the largest replica lag. */
async function apiFigures(urls: string[]) {
  const levels: Record<string, number> = {};
  let lag: number | null = null;
  for (const url of urls) {
    const text = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '');
    for (const line of text.split('\n')) {
      const value = Number(line.split(' ').at(-1));
      if (line.startsWith('shop_cache_reads_total{')) {
        const level = /level="([^"]+)"/.exec(line)?.[1] ?? 'unknown';
        levels[level] = (levels[level] ?? 0) + value;
      } else if (line.startsWith('shop_replica_lag_seconds') && Number.isFinite(value)) {
        lag = Math.max(lag ?? 0, value);
      }
    }
  }
  return { levels, lag };
}

/** Edge log lines since `offset`: page-cache and CDN answers, and how many the caches gave. */
async function edgeFigures(path: string, offset: number) {
  const size = (await stat(path)).size;
  const figures = { pageCache: { hits: 0, all: 0 }, cdn: { hits: 0, all: 0 }, offset: size };
  if (size <= offset) return figures;
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    await file.read(buffer, 0, buffer.length, offset);
    const text = buffer.toString('utf8');
    // A line still being written stays for the next sample.
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    figures.offset = offset + Buffer.byteLength(complete);
    for (const line of complete.split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as { method: string; uri: string; cache: string };
      if (entry.method !== 'GET') continue;
      const hit = entry.cache === 'HIT' || entry.cache === 'STALE' || entry.cache === 'UPDATING';
      const bucket = entry.uri.startsWith('/img/')
        ? figures.cdn
        : entry.uri.startsWith('/api/') || entry.uri.startsWith('/_next/')
          ? null
          : figures.pageCache;
      if (!bucket) continue;
      bucket.all++;
      if (hit) bucket.hits++;
    }
  } finally {
    await file.close();
  }
  return figures;
}

/** How often a sample is taken unless asked otherwise; each covers the time since the last. */
export const sampleEveryMs = 2_000;

/** Samples every `everyMs` until stopped; returns what it saw. */
export async function startSampler(sources: SamplerSources, everyMs = sampleEveryMs) {
  const started = Date.now();
  const samples: Sample[] = [];
  let cpu = await cpuTicks();
  let api = await apiFigures(sources.apiMetrics);
  let edgeOffset = sources.edgeAccessLog
    ? await stat(sources.edgeAccessLog).then(
        (s) => s.size,
        () => undefined,
      )
    : undefined;

  const take = async () => {
    const [nextCpu, nextApi] = await Promise.all([cpuTicks(), apiFigures(sources.apiMetrics)]);
    const elapsed = Math.max(1, nextCpu.total - cpu.total);
    const busy = 1 - (nextCpu.idle - cpu.idle) / elapsed;
    const generator = Math.min(busy, Math.max(0, (nextCpu.generator - cpu.generator) / elapsed));
    const cacheLevels: Record<string, number> = {};
    for (const [level, n] of Object.entries(nextApi.levels)) {
      cacheLevels[level] = Math.max(0, n - (api.levels[level] ?? 0));
    }
    let edge = { pageCache: { hits: 0, all: 0 }, cdn: { hits: 0, all: 0 } };
    if (sources.edgeAccessLog && edgeOffset !== undefined) {
      const read = await edgeFigures(sources.edgeAccessLog, edgeOffset).catch(() => undefined);
      if (read) {
        edge = read;
        edgeOffset = read.offset;
      }
    }
    samples.push({
      t: Math.round((Date.now() - started) / 100) / 10,
      cpu: { busy, generator, shop: Math.max(0, busy - generator) },
      cacheLevels,
      pageCache: edge.pageCache,
      cdn: edge.cdn,
      replicaLagSeconds: nextApi.lag,
    });
    cpu = nextCpu;
    api = nextApi;
  };

  let running = true;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      if (running) await take().catch(() => undefined);
    }
  })();
  return {
    async stop(): Promise<Sample[]> {
      running = false;
      await loop;
      await take().catch(() => undefined);
      return samples;
    },
  };
}
