// Bad input stops the runners at once with a clear message and exit code 2, before any load
// (and, for the ladder, before the stack is touched).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const load = (...args: string[]) => runner('run.ts', args);
const ladder = (...args: string[]) => runner('ladder.ts', args);

function runner(file: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: import.meta.dirname,
    encoding: 'utf8',
    timeout: 30_000,
  });
  // A runner that hung would be killed by the timeout and have no exit status.
  return { status: result.status, stderr: result.stderr };
}

describe('npm run load', () => {
  it('stops on an unknown mix, naming the mixes', () => {
    const run = load('--mix', 'nope');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--mix must be one of browsing, shopping, ordering/);
  });

  it('stops on a negative number of users', () => {
    const run = load('--users', '-5');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--users must be 0 or more/);
  });

  it('stops at once when nothing answers at the target', () => {
    // Port 9 (discard) has no listener here: the connection is refused.
    const run = load('--target', 'http://127.0.0.1:9', '--duration', '5');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the shop does not answer at http:\/\/127\.0\.0\.1:9 .*npm start/);
  });
});

describe('npm run bench:ladder', () => {
  it('stops on an unknown step, naming the steps', () => {
    const run = ladder('--steps', '1,7');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--steps: no step 7; the steps are 1,2,3,4,5,6/);
  });

  it('stops on a negative rate', () => {
    const run = ladder('--max-rate', '-20');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--max-rate must be above 0/);
  });
});
