// Test-side handles on the real stack: superuser connections to the primary and the replica
// (over the stack's Unix socket, where the postgres user is trusted) and supervisorctl.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { env } from './env';

const run = promisify(execFile);

export function superuser(port: number): pg.Client {
  return new pg.Client({
    host: `${env.SHOP_DATA}/run/pg`,
    port,
    user: 'postgres',
    database: 'shop',
  });
}

/** supervisorctl against the test stack, e.g. supervise('stop', 'api:api-1'). */
export async function supervise(...args: string[]): Promise<string> {
  const conf = `${env.SHOP_ROOT}/infra/local/supervisord.conf`;
  const { stdout } = await run('supervisorctl', ['-c', conf, ...args]);
  return stdout;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, stepMs = 10) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

export const api = (path: string, init?: RequestInit) => fetch(`${env.PUBLIC_URL}${path}`, init);
