// The programs the benchmarks run (wrk, GNU time, nginx). On a fresh machine they are installed
// from Debian the way the stack installs its own packages (apt_install in infra/local/lib.sh), so
// `npm run bench:*` works without a manual setup step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

const onPath = (command: string) =>
  spawnSync('sh', ['-c', 'command -v "$0"', command], { stdio: 'ignore' }).status === 0;

/** Debian package → how to tell it is already there. */
const TOOLS = {
  wrk: () => onPath('wrk'),
  // GNU time (not the shell keyword): reports the load generator's own CPU.
  time: () => existsSync('/usr/bin/time'),
  nginx: () => existsSync('/usr/sbin/nginx'),
} as const;

export type Tool = keyof typeof TOOLS;

const checked = new Set<Tool>();

/** Installs whichever of `tools` is missing (once per process); throws if that fails. */
export function ensureTools(...tools: Tool[]): void {
  const missing = tools.filter((t) => !checked.has(t) && !TOOLS[t]());
  if (missing.length > 0) {
    const run = spawnSync(
      'bash',
      ['-c', 'source infra/local/lib.sh && apt_install "$@"', 'apt_install', ...missing],
      { cwd: repoRoot, stdio: 'inherit' },
    );
    const still = missing.filter((t) => !TOOLS[t]());
    if (run.status !== 0 || still.length > 0)
      throw new Error(
        `could not install ${still.join(', ') || missing.join(', ')} (apt-get as root or through sudo)`,
      );
  }
  for (const t of tools) checked.add(t);
}
