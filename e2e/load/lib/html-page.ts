import { escapeMarkup } from '@shop/domain';
// The pieces every report page of the load runners is made of: number formats, escaping, tables,
// chart canvases and one self-contained document (styles, data and Chart.js inlined, so a report
// opens from disk, offline, long after the run). No I/O here.

// ---- Formatting -------------------------------------------------------------------------------

export const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
export const noValue = '—';

export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/** Milliseconds without the unit: whole above 10 ms, where a tenth is noise; one decimal below. */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return noValue;
  return Math.abs(value) >= 10 ? wholeNumber.format(value) : oneDecimal.format(value);
}

export function withMs(value: number | null | undefined): string {
  const text = formatMs(value);
  return text === noValue ? text : `${text}\u00a0ms`;
}

/** Plain text (escape it): a share too small for one decimal reads "< 0.1 %", never "0.0 %". */
export function formatPercent(share: number): string {
  if (share > 0 && share < 0.0005) return '<\u00a00.1\u00a0%';
  return `${oneDecimal.format(share * 100)}\u00a0%`;
}

export function formatSeconds(value: number): string {
  return `${Number.isInteger(value) ? formatCount(value) : oneDecimal.format(value)}\u00a0s`;
}

/** The run's start as a fixed UTC time, so the page reads the same wherever it is opened. */
export function formatStart(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

// ---- Small pieces of markup --------------------------------------------------------------------

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A table whose first cell in each row heads the row. Cells are HTML (already escaped). */
export function table(
  caption: string,
  columns: Column[],
  rows: string[][],
  className = '',
): string {
  const head = columns
    .map((column) => `<th scope="col"${column.numeric ? ' class="num"' : ''}>${column.label}</th>`)
    .join('');
  const body = rows
    .map((cells) => {
      const html = cells.map((cell, i) => {
        const numeric = columns[i]?.numeric ? ' class="num"' : '';
        return i === 0 ? `<th scope="row"${numeric}>${cell}</th>` : `<td${numeric}>${cell}</td>`;
      });
      return `<tr>${html.join('')}</tr>`;
    })
    .join('\n');
  const classAttribute = className ? ` class="${className}"` : '';
  return `<div class="table-wrap"><table${classAttribute}>
<caption>${escapeMarkup(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

export function emptyLine(text: string): string {
  return `<p class="empty">${escapeMarkup(text)}</p>`;
}

/** A chart's canvas (drawn by the page's script) with a text summary for who cannot see it. */
export function chartFigure(id: string, label: string, summary: string, height: number): string {
  return `<figure class="chart">
<div class="chart-box" style="height:${Math.round(height)}px"><canvas id="${id}" role="img" aria-label="${escapeMarkup(label)}"></canvas></div>
<figcaption>${escapeMarkup(summary)}</figcaption>
</figure>`;
}

export function section(id: string, title: string, body: string): string {
  return `<section id="${id}" class="card" aria-labelledby="${id}-title">
<h2 id="${id}-title">${escapeMarkup(title)}</h2>
${body}
</section>`;
}

// ---- The page ----------------------------------------------------------------------------------

/** JSON inside a script element: `<` escaped so a `</script>` in the data cannot end it. */
function embedJson(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Chart.js inlined; a `</script` inside it would end the element early, so it is broken up. */
function embedScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1');
}

const styles = String.raw`
:root { color-scheme: light; --ink: #1f2937; --muted: #4b5563; --line: #d8dde3; --bg: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 48px; }
h1 { font-size: 1.7rem; margin: 0; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 0 0 12px; }
h3 { font-size: 1.05rem; margin: 20px 0 8px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px;
  margin: 0 0 20px; }
.head-top { display: flex; align-items: center; justify-content: space-between; gap: 16px;
  flex-wrap: wrap; }
.verdict { margin: 0; font-size: 2rem; font-weight: 800; letter-spacing: 0.06em;
  padding: 4px 22px; border-radius: 8px; border: 2px solid; }
.verdict.pass { background: #dcfce7; color: #14532d; border-color: #15803d; }
.verdict.fail { background: #fee2e2; color: #7f1d1d; border-color: #b91c1c; }
.summary { font-size: 1.05rem; margin: 12px 0; }
.warning { background: #fef3c7; color: #78350f; border: 1px solid #d97706; border-left-width: 6px;
  border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.settings, .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
  gap: 8px 16px; margin: 12px 0 0; }
.settings div, .stats div { min-width: 0; }
.settings .wide { grid-column: span 2; }
@media (max-width: 480px) { .settings .wide { grid-column: auto; } }
dt { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.stats dd { font-size: 1.4rem; font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 0 0 16px; }
nav a { color: #1d4ed8; }
.muted { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; margin: 6px 0 12px; }
.note { color: var(--muted); font-size: 0.88rem; margin: 8px 0; }
.table-wrap { overflow-x: auto; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: 0.88rem; padding: 0 0 6px; }
th, td { padding: 6px 10px; border-bottom: 1px solid #e5e8ec; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--line); font-size: 0.85rem; color: #374151; white-space: nowrap; }
tbody th { font-weight: 500; min-width: 9em; }
.num { text-align: right; white-space: nowrap; }
.name { overflow-wrap: break-word; }
.bad { color: #b91c1c; font-weight: 600; }
.good-text { color: #15803d; }
.vitals td { min-width: 120px; }
.vital { display: inline-block; padding: 2px 8px; border-radius: 6px; text-align: right; }
.vital .p75 { display: block; font-size: 1.1rem; font-weight: 600; line-height: 1.3; }
.vital .rating { display: block; font-size: 0.72rem; white-space: nowrap; }
.vital.good { background: #dcfce7; color: #14532d; }
.vital.needs-improvement { background: #fef3c7; color: #78350f; }
.vital.poor { background: #fee2e2; color: #7f1d1d; }
.spread { display: block; font-size: 0.78rem; color: var(--muted); margin-top: 2px; white-space: nowrap; }
.chart { margin: 8px 0 16px; }
.chart-box { position: relative; width: 100%; }
figcaption { color: var(--muted); font-size: 0.88rem; margin-top: 6px; }
.side + .side { border-top: 1px solid #e5e8ec; margin-top: 12px; }
@media print { body { background: #fff; } .card { break-inside: avoid; } nav { display: none; } }
`;

/**
 * The start of every report's chart script, inside its function: the embedded report as
 * `report` (nothing is drawn without it, or without Chart.js), the look all charts share, and
 * `draw(id, config)`, which skips a canvas the page left out.
 */
export const chartScriptPrelude = String.raw`  'use strict';
  const dataElement = document.getElementById('report-data');
  if (typeof Chart === 'undefined' || !dataElement) return;
  const report = JSON.parse(dataElement.textContent);
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#374151';
  Chart.defaults.borderColor = '#e5e7eb';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.plugins.legend.align = 'start';
  const draw = (id, config) => {
    const canvas = document.getElementById(id);
    if (canvas) new Chart(canvas, config);
  };`;

export interface HtmlPage {
  title: string;
  /** The page's sections, as HTML. */
  body: string;
  /** Embedded as JSON (`#report-data`) for `script` to draw from. */
  data: unknown;
  /** Chart.js 4's UMD build, inlined as is. */
  chartJs: string;
  /** Plain JavaScript that draws the charts from the embedded data. */
  script: string;
  /** Rules of this page's own, after the shared ones. */
  extraStyles?: string;
}

/** One self-contained HTML document: styles, data, Chart.js and the drawing script inlined. */
export function htmlDocument(page: HtmlPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(page.title)}</title>
<style>${styles}${page.extraStyles ?? ''}</style>
</head>
<body>
<main>
${page.body}
</main>
<script type="application/json" id="report-data">${embedJson(page.data)}</script>
<script>${embedScript(page.chartJs)}</script>
<script>${page.script}</script>
</body>
</html>
`;
}
