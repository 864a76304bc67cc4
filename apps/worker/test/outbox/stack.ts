// The outbox tests' handles on the stack: a superuser connection to the primary (over the
// stack's Unix socket, where the postgres user is trusted), supervisorctl, the mail inbox.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { env } from './env';

const run = promisify(execFile);

export function primary(): pg.Client {
  return new pg.Client({
    host: `${env.SHOP_DATA}/run/pg`,
    port: env.PG_PRIMARY_PORT,
    user: 'postgres',
    database: 'shop',
  });
}

/** supervisorctl against the stack, e.g. supervise('stop', 'worker:*'). */
export async function supervise(...args: string[]): Promise<string> {
  const conf = `${env.SHOP_ROOT}/infra/local/supervisord.conf`;
  const { stdout } = await run('supervisorctl', ['-c', conf, ...args]);
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
