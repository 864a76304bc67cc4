// Bad input stops the runner at once with a clear message and exit code 2, before any load.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function load(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'run.ts', ...args], {
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
