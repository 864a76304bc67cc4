// Writes a benchmark's figures as JSON and as an SVG bar chart a person can glance at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrkResult } from './wrk';

export interface Pair {
  label: string;
  /** The run with the median throughput of each side, when it was measured in rounds. */
  shop: WrkResult;
  baseline: WrkResult;
  baselineLabel: string;
  /** shop / baseline throughput of each round (shop and baseline run back to back each round). */
  roundRatios?: number[];
}

/**
 * Measures a pair in `rounds` rounds, shop then baseline back to back each time, so drift in
 * what else the machine does falls on both sides; each side is its median run.
 */
export function measureInRounds(
  rounds: number,
  runShop: () => WrkResult,
  runBaseline: () => WrkResult,
): Pick<Pair, 'shop' | 'baseline' | 'roundRatios'> {
  const shop: WrkResult[] = [];
  const baseline: WrkResult[] = [];
  for (let i = 0; i < rounds; i++) {
    shop.push(runShop());
    baseline.push(runBaseline());
  }
  const median = (runs: WrkResult[]) =>
    runs.toSorted((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(runs.length / 2)];
  const [s, b] = [median(shop), median(baseline)];
  if (!s || !b) throw new Error('no rounds measured');
  return {
    shop: s,
    baseline: b,
    roundRatios: shop.map((r, i) => r.requestsPerSecond / (baseline[i]?.requestsPerSecond ?? NaN)),
  };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printPairs(pairs: Pair[]): void {
  const rows = pairs.flatMap((p) => [
    [p.label, 'shop (edge)', p.shop] as const,
    ['', p.baselineLabel, p.baseline] as const,
  ]);
  const lines = [
    ['target', 'server', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'B/resp', 'errors', 'wrk CPU'].join(
      '\t',
    ),
    ...rows.map(([label, server, r]) =>
      [
        label,
        server,
        fmt(r.requestsPerSecond),
        fmt(r.latencyMs.p50, 2),
        fmt(r.latencyMs.p95, 2),
        fmt(r.latencyMs.p99, 2),
        fmt(r.bytesPerResponse),
        String(r.errors + r.non2xx),
        `${fmt(r.loadGeneratorCpu * 100)}%`,
      ].join('\t'),
    ),
    '',
    ...pairs.map(
      (p) =>
        `${p.label}: shop / ${p.baselineLabel} = ${(p.shop.requestsPerSecond / p.baseline.requestsPerSecond).toFixed(3)} (throughput ratio of the medians${p.roundRatios && p.roundRatios.length > 1 ? `; rounds ${p.roundRatios.map((r) => r.toFixed(2)).join(', ')}` : ''})`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Writes `{name, at, ...figures}` to `<folder>/<name>-<time>.json`; returns the path without `.json`. */
export function writeJson(folder: string, name: string, figures: object): string {
  mkdirSync(folder, { recursive: true });
  const at = new Date().toISOString();
  const base = join(folder, `${name}-${at.replace(/[:.]/g, '-')}`);
  writeFileSync(`${base}.json`, JSON.stringify({ name, at, ...figures }, null, 2));
  return base;
}

export function writeReport(
  folder: string,
  name: string,
  conditions: object,
  pairs: Pair[],
): string {
  const base = writeJson(folder, name, { conditions, pairs });

  const width = 860;
  const rowHeight = 64;
  const max = Math.max(
    ...pairs.flatMap((p) => [p.shop.requestsPerSecond, p.baseline.requestsPerSecond]),
  );
  const bar = (y: number, value: number, colour: string, text: string) => {
    const w = Math.max((value / max) * 380, 2);
    return `<rect x="330" y="${y}" width="${w}" height="18" rx="3" fill="${colour}"/><text x="${336 + w}" y="${y + 14}" font-size="12">${text}</text>`;
  };
  const body = pairs
    .map((p, i) => {
      const y = 50 + i * rowHeight;
      const ratio = (p.shop.requestsPerSecond / p.baseline.requestsPerSecond).toFixed(2);
      return [
        `<text x="10" y="${y + 14}" font-size="13" font-weight="600">${p.label}</text>`,
        `<text x="10" y="${y + 34}" font-size="12" fill="#555">ratio ${ratio} · p99 ${fmt(p.shop.latencyMs.p99, 1)} ms vs ${fmt(p.baseline.latencyMs.p99, 1)} ms</text>`,
        bar(y, p.shop.requestsPerSecond, '#2563eb', `shop ${fmt(p.shop.requestsPerSecond)} req/s`),
        bar(
          y + 22,
          p.baseline.requestsPerSecond,
          '#9ca3af',
          `${p.baselineLabel} ${fmt(p.baseline.requestsPerSecond)} req/s`,
        ),
      ].join('');
    })
    .join('');
  const height = 70 + pairs.length * rowHeight;
  writeFileSync(
    `${base}.svg`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui,sans-serif"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="24" font-size="16" font-weight="700">${name}: throughput, shop vs baseline (same bytes, one run)</text>${body}</svg>`,
  );
  return base;
}
