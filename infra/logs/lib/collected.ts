// The collected log (infra/logs/rsyslog.conf.template): one JSON object per line, with the tier
// that wrote it and the time the collector got it, plus the line's own fields.
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export interface CollectedLine {
  /** When the collector got the line (RFC 3339, microseconds). */
  collected: string;
  /** The program that wrote it: edge, web, api-1, worker-2, pg-replica, ... */
  tier: string;
  [field: string]: unknown;
}

/**
 * A collected line with the line's own fields at the top (a text line's text as `msg`), or
 * undefined for anything else (a line cut short by a rotation).
 */
export function parseLine(text: string): CollectedLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { collected, tier, line, text: plain } = value as Record<string, unknown>;
  if (typeof collected !== 'string' || typeof tier !== 'string') return undefined;
  const own = typeof line === 'object' && line !== null ? line : { msg: plain };
  return { ...own, collected, tier };
}

function numberField(line: CollectedLine, name: string): number | undefined {
  const value = line[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * When what the line tells of ended, in ms since the epoch, so lines of one request sort in
 * the order things happened across tiers. The Node services log a request when it ends (`time`,
 * ms); the storefront logs a span with its start and duration; the edge logs `msec` as the
 * request ends. Anything else: when the collector got it.
 */
export function endedAt(line: CollectedLine): number {
  // The edge's own: when it logged the request (its end), in seconds to the millisecond.
  const msec = numberField(line, 'msec');
  if (msec !== undefined) return Math.round(msec * 1000);
  const time = numberField(line, 'time');
  if (time !== undefined) {
    return line.service === 'web' ? time + (numberField(line, 'durationMs') ?? 0) : time;
  }
  return Date.parse(line.collected);
}

function ms(value: number): string {
  return `${Math.round(value * 10) / 10} ms`;
}

/** One line for a person: what happened, its outcome and how long it took. */
export function describe(line: CollectedLine): string {
  const status = line.status === undefined ? '' : ` → ${String(line.status)}`;
  const seconds = numberField(line, 'seconds');
  if (line.tier === 'edge' && seconds !== undefined) {
    const cache = typeof line.cache === 'string' && line.cache ? `, cache ${line.cache}` : '';
    const upstream =
      typeof line.upstream === 'string' && line.upstream ? `, from ${line.upstream}` : '';
    return `${String(line.method)} ${String(line.uri)}${status} in ${ms(seconds * 1000)}${cache}${upstream}`;
  }
  const duration = numberField(line, 'durationMs');
  if (typeof line.method === 'string' && typeof line.url === 'string' && duration !== undefined) {
    const what = line.msg === 'fetch' ? 'calls the API: ' : '';
    return `${what}${line.method} ${line.url}${status} in ${ms(duration)}`;
  }
  const error =
    typeof line.err === 'object' && line.err !== null && 'message' in line.err
      ? `: ${String(line.err.message)}`
      : '';
  return `${typeof line.msg === 'string' ? line.msg : JSON.stringify(line)}${error}`;
}

/** `HH:MM:SS.mmm tier what` for a terminal. */
export function format(line: CollectedLine): string {
  const at = new Date(endedAt(line)).toISOString().slice(11, 23);
  return `${at}  ${line.tier.padEnd(14)} ${describe(line)}`;
}

/** The collected files, oldest first: shop.log.N.gz ... shop.log.1.gz, shop.log.0, shop.log. */
export async function collectedFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((): string[] => []);
  const rotated = names
    .map((name) => ({ name, n: /^shop\.log\.(\d+)(\.gz)?$/.exec(name)?.[1] }))
    .filter((file): file is { name: string; n: string } => file.n !== undefined)
    .sort((a, b) => Number(b.n) - Number(a.n))
    .map((file) => file.name);
  return [...rotated, ...(names.includes('shop.log') ? ['shop.log'] : [])].map((name) =>
    join(dir, name),
  );
}

/** Every collected line that mentions `text`, oldest file first (gzipped ones too). */
export async function* linesMentioning(dir: string, text: string): AsyncGenerator<CollectedLine> {
  for (const file of await collectedFiles(dir)) {
    const raw = createReadStream(file);
    const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
    for await (const text_ of createInterface({ input, crlfDelay: Infinity })) {
      if (!text_.includes(text)) continue;
      const line = parseLine(text_);
      if (line) yield line;
    }
  }
}

/** A request's lines from every tier, in the order they ended. */
export async function requestLines(dir: string, requestId: string): Promise<CollectedLine[]> {
  const lines: CollectedLine[] = [];
  for await (const line of linesMentioning(dir, requestId)) {
    if (line.reqId === requestId) lines.push(line);
  }
  return lines.sort((a, b) => endedAt(a) - endedAt(b));
}
