// A shopper for API tests: a cookie jar over fetch, talking to the edge like a browser would,
// from an address of its own.
import { Agent, fetch } from 'undici';
import { env } from './env';

const agents = new Map<string, Agent>();

/**
 * Connections from one loopback address (anything in 127.0.0.0/8 reaches the stack). The edge
 * states the address it sees to the API, so this is how a test stands for a distinct client:
 * a claimed X-Forwarded-For is overwritten.
 */
export function dispatcherFor(address: string): Agent {
  let agent = agents.get(address);
  if (!agent) {
    agent = new Agent({ localAddress: address });
    agents.set(address, agent);
  }
  return agent;
}

/** A random loopback address other than 127.0.0.1: a client no other test is. */
export const randomClientAddress = () =>
  `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export class Shopper {
  cookies = new Map<string, string>();
  setCookies: string[] = [];

  /** The address this shopper connects from (see dispatcherFor). */
  constructor(readonly clientAddress = randomClientAddress()) {}

  get sessionId(): string | undefined {
    return this.cookies.get('shop_sid')?.split('.')[0];
  }

  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${env.PUBLIC_URL}${path}`, {
      method,
      headers: {
        ...(body === undefined || body instanceof Uint8Array
          ? {}
          : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body:
        body === undefined || typeof body === 'string' || body instanceof Uint8Array
          ? body
          : JSON.stringify(body),
      dispatcher: dispatcherFor(this.clientAddress),
    });
    this.setCookies = response.headers.getSetCookie();
    for (const line of this.setCookies) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/Expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }
}

/** The seeded accounts (prisma/seed). */
export const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
export const CUSTOMER = { email: 'demo@shopscale.test', password: 'demo-shopper-2026' };

/** A shopper signed in to `account` (the sign-in must succeed). */
export async function signedIn(account: { email: string; password: string }): Promise<Shopper> {
  const shopper = new Shopper();
  const login = await shopper.post('/api/auth/login', account);
  if (login.status !== 200) throw new Error(`sign-in as ${account.email}: ${login.status}`);
  return shopper;
}

export const address = {
  name: 'Sam Shopper',
  line1: '1 Market Street',
  city: 'Springfield',
  region: 'IL',
  postalCode: '12345',
  country: 'US',
};

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
