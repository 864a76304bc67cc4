// Test-side handles on the real stack: Redis, the Postgres primary (as superuser, over the stack's
// Unix socket), supervisorctl, the mail inbox.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { fetch } from 'undici';
import { env } from './env';

const run = promisify(execFile);

/** The Redis of shopper events, hot lists and presence. */
export const redis = () => new Redis(env.EVENTS_REDIS_URL);

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

/** A mail as maildev's REST API lists it (the fields the tests read). */
export interface InboxMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  headers: Record<string, string>;
}

/** The mails in the stack's inbox carrying this Message-ID. */
export async function mailsWithMessageId(messageId: string): Promise<InboxMail[]> {
  const url = new URL('/api/email', env.MAIL_WEB_URL);
  url.searchParams.set('headers.message-id', messageId);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`inbox answered ${response.status}`);
  return (await response.json()) as InboxMail[];
}
