// Chart.js's browser build, read once per report and inlined so the report opens offline.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export async function readChartJs(): Promise<string> {
  // The package's main entry sits in dist/, beside the UMD build.
  const dist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  return readFile(join(dist, 'chart.umd.min.js'), 'utf8');
}
