// Running Artillery from the runners: the scripts and payload written to a run's folder, one
// `artillery run` per script with its console output in a log beside it, and its JSON results.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { env, inheritedEnv } from '../env';
import type { ArtilleryOutput } from './summarize';

export interface ArtilleryRun {
  exitCode: number;
  output: ArtilleryOutput;
  /** Artillery's console output (its `ensure` checks are read from it). */
  log: string;
}

const artilleryBin = join(
  createRequire(import.meta.url).resolve('artillery/package.json'),
  '..',
  'bin',
  'run',
);

/**
 * Writes the scripts (`<name>.json`, null ones left out) and the products payload to `folder`,
 * where Artillery reads them.
 */
export async function writeScripts(
  folder: string,
  scripts: Record<string, unknown>,
  productsCsv: string,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'products.csv'), productsCsv);
  for (const [name, script] of Object.entries(scripts)) {
    if (script)
      await writeFile(join(folder, `${name}.json`), `${JSON.stringify(script, null, 2)}\n`);
  }
}

/** Artillery bundles the flows into flows/dist as CommonJS; this workspace is ESM. */
export async function prepareFlowBundles(): Promise<void> {
  const bundles = join(import.meta.dirname, '..', 'flows', 'dist');
  await mkdir(bundles, { recursive: true });
  await writeFile(join(bundles, 'package.json'), '{ "type": "commonjs" }\n');
}

/**
 * Runs `<folder>/<name>.json`; results go to `<name>-output.json`, the console output to
 * `<name>.log`. Rejects when Artillery wrote no results at all.
 */
/**
 * Runs `<name>.json` in `folder` with Artillery; `onStart` is called when its first phase starts
 * (Artillery takes seconds to get going, more on a busy machine).
 */
export function runArtillery(
  folder: string,
  name: string,
  onStart?: () => void,
): Promise<ArtilleryRun> {
  const outputPath = join(folder, `${name}-output.json`);
  const logPath = join(folder, `${name}.log`);
  const log = createWriteStream(logPath);
  const child = spawn(
    process.execPath,
    [
      '--require',
      join(import.meta.dirname, 'offline-telemetry.cjs'),
      artilleryBin,
      'run',
      '--output',
      outputPath,
      join(folder, `${name}.json`),
    ],
    {
      cwd: folder,
      env: {
        ...inheritedEnv,
        ARTILLERY_DISABLE_TELEMETRY: 'true',
        JOURNEY_EXPECT_TIMEOUT_MS: String(env.LOAD_EXPECT_TIMEOUT_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (onStart) {
    const watch = (chunk: Buffer) => {
      if (!chunk.toString('utf8').includes('Phase started')) return;
      child.stdout.off('data', watch);
      onStart();
    };
    child.stdout.on('data', watch);
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      log.end(async () => {
        const text = await readFile(logPath, 'utf8');
        const output = await readFile(outputPath, 'utf8').then(
          (json) => JSON.parse(json) as ArtilleryOutput,
          () => null,
        );
        if (!output)
          return reject(new Error(`Artillery (${name}) wrote no results; see ${logPath}`));
        resolve({ exitCode: code ?? 1, output, log: text });
      });
    });
  });
}
