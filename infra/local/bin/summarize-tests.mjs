// Prints one closing line for the whole test run, "N passed, N failed, N skipped", from the
// JSON reports of vitest and Playwright in the folder given as the only argument.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? '.';
const read = (name) => {
  const path = join(folder, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit.json', 'integration.json']) {
  const report = read(name);
  if (!report) continue;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
const e2e = read('e2e.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
