// A horizontal bar chart as SVG, for figures a person should compare at a glance.
import { writeFileSync } from 'node:fs';

export interface Bar {
  label: string;
  value: number;
  unit: string;
  colour?: string;
}

export function writeBars(path: string, title: string, bars: Bar[]): void {
  const max = Math.max(...bars.map((b) => b.value), 1);
  const rows = bars
    .map((bar, i) => {
      const y = 44 + i * 34;
      const w = Math.max((bar.value / max) * 420, 2);
      const text = `${bar.value.toLocaleString('en-US', { maximumFractionDigits: 0 })} ${bar.unit}`;
      return `<text x="10" y="${y + 14}" font-size="13">${bar.label}</text><rect x="250" y="${y}" width="${w}" height="20" rx="3" fill="${bar.colour ?? '#2563eb'}"/><text x="${256 + w}" y="${y + 15}" font-size="12">${text}</text>`;
    })
    .join('');
  const height = 60 + bars.length * 34;
  writeFileSync(
    path,
    `<svg xmlns="http://www.w3.org/2000/svg" width="780" height="${height}" font-family="system-ui,sans-serif"><rect width="100%" height="100%" fill="#fff"/><text x="10" y="24" font-size="16" font-weight="700">${title}</text>${rows}</svg>`,
  );
}
