// Test-side handles on the real stack: Redis, the Postgres primary (as superuser, over the stack's
// Unix socket), supervisorctl, and clients from loopback addresses of their own.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Agent, fetch } from 'undici';
import { env } from './env';

const run = promisify(execFile);

export const redis = () => new Redis(env.REDIS_URL);

const superuser = (port: number) =>
  new pg.Client({ host: `${env.SHOP_DATA}/run/pg`, port, user: 'postgres', database: 'shop' });
export const primary = () => superuser(env.PG_PRIMARY_PORT);
export const replica = () => superuser(env.PG_REPLICA_PORT);

/** supervisorctl against the test stack, e.g. supervise('stop', 'worker:*'). */
export async function supervise(...args: string[]): Promise<string> {
  const conf = `${env.SHOP_ROOT}/infra/local/supervisord.conf`;
  const { stdout } = await run('supervisorctl', ['-c', conf, ...args]).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  return stdout;
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, stepMs = 50) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** Starts every worker and waits until each answers ready. */
export async function startWorkers(): Promise<void> {
  await supervise('start', 'worker:*');
  for (let n = 1; n <= env.WORKER_REPLICAS; n++) {
    const url = `http://${env.SHOP_HOST}:${env.WORKER_PORT_BASE + n}/readyz`;
    await waitUntil(async () => (await fetch(url).catch(() => null))?.ok ?? false, 30_000, 100);
  }
}

let nextClient = 0;

/**
 * A visitor: its own loopback address and cookie jar, talking to the edge like a browser (the
 * same origin), so the edge and the API see one person.
 */
export class Visitor {
  readonly address = `127.${60 + Math.floor(nextClient / 62_500)}.${Math.floor((nextClient % 62_500) / 250)}.${(nextClient++ % 250) + 1}`;
  readonly #agent = new Agent({ localAddress: this.address });
  #cookie = '';

  /** The key the API names this visitor by in events (a digest of the session id). */
  get key(): string | undefined {
    const id = this.#cookie.slice('shop_sid='.length).split('.')[0];
    return id
      ? createHash('sha256').update(`${env.SESSION_SECRET}:${id}`).digest('base64url').slice(0, 22)
      : undefined;
  }

  async call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${env.PUBLIC_URL}${path}`, {
      method,
      headers: {
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.#cookie ? { cookie: this.#cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.#agent,
    });
    const set = response.headers.getSetCookie()[0]?.split(';')[0];
    if (set?.startsWith('shop_sid=')) this.#cookie = set;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  view(productId: string) {
    return this.call('POST', '/api/events', { kind: 'view', productId });
  }

  close() {
    return this.#agent.close();
  }
}
