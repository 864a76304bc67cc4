// npm run logs [-- <tier> | --request <id>] [--json]: the shop's collected log (infra/logs).
//   npm run logs                      follows every tier's lines as they arrive
//   npm run logs -- api-1             follows one tier (edge, web, api-1, worker-2, pg-replica, ...)
//   npm run logs -- --request <id>    one request's lines from every tier (the edge, the
//                                     storefront, the API), in the order they ended
// --json prints the collected lines as they are.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { format, parseLine, requestLines, type CollectedLine } from './lib/collected';

const USAGE = 'usage: npm run logs [-- <tier>] | [-- --request <request id>] [--json]';

function fail(message: string): never {
  process.stderr.write(`logs: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let options: { request?: string; json?: boolean };
let positionals: string[];
try {
  ({ values: options, positionals } = parseArgs({
    options: { request: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
// Set by infra/local/env.sh (the stack's data folder); `shop logs` runs this with it.
// eslint-disable-next-line no-restricted-properties
const data = process.env.SHOP_DATA;
if (!data) fail('SHOP_DATA is not set: run it as `npm run logs`');
const dir = join(data, 'logs', 'collected');
const show = (line: CollectedLine) => (options.json ? JSON.stringify(line) : format(line));

if (options.request !== undefined) {
  const id = options.request;
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(id)) {
    fail(`--request: '${id}' is not a request id (8 to 128 letters, digits, '.', '_', ':', '-')`);
  }
  if (positionals.length > 0) fail('--request takes no tier: it shows every tier');
  const lines = await requestLines(dir, id);
  if (lines.length === 0) {
    process.stderr.write(
      `logs: no collected line has request id ${id} (in ${dir}: the newest files only). ` +
        "Answers from the edge's caches reach the collector 1 in 100; every one is in " +
        `${join(data, 'logs', 'edge', 'access.log')}.\n`,
    );
    process.exit(1);
  }
  for (const line of lines) process.stdout.write(`${show(line)}\n`);
  const tiers = [...new Set(lines.map((line) => line.tier))];
  if (!options.json) process.stdout.write(`${lines.length} lines from ${tiers.join(', ')}\n`);
} else {
  if (positionals.length > 1) fail('give one tier at most');
  const tier = positionals[0];
  // tail -F follows the file across the collector's rotations.
  const tail = spawn('tail', ['-n', tier ? '1000' : '20', '-F', join(dir, 'shop.log')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const text of createInterface({ input: tail.stdout })) {
    const line = parseLine(text);
    if (line && (!tier || line.tier === tier)) process.stdout.write(`${show(line)}\n`);
  }
}
