// A shopper for the worker's tests: a cookie jar over fetch, talking to the edge like a browser
// (same origin), from a loopback address of its own, so the edge and the API see one person and
// per-address limits (orders, events) count each shopper apart.
import { createHash } from 'node:crypto';
import { Agent, fetch } from 'undici';
import { env } from './env';

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

// Addresses handed out in turn from a random start, so two test files running one after the
// other on the same stack do not share them.
let nextClient = Math.floor(Math.random() * 1_000_000);
const nextAddress = () => {
  const n = nextClient++ % 15_000_000;
  return `127.${1 + Math.floor(n / 62_500)}.${Math.floor((n % 62_500) / 250)}.${(n % 250) + 1}`;
};

export class Shopper {
  readonly address = nextAddress();
  readonly cookies = new Map<string, string>();
  readonly #agent = new Agent({ localAddress: this.address });

  /** The key the API names this shopper by in events (a digest of the session id). */
  get key(): string | undefined {
    const id = this.cookies.get('shop_sid')?.split('.')[0];
    return id
      ? createHash('sha256').update(`${env.SESSION_SECRET}:${id}`).digest('base64url').slice(0, 22)
      : undefined;
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
        'sec-fetch-site': 'same-origin',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.#agent,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.call<T>('POST', path, body, headers);
  }

  /** The product page's view beacon. */
  view(productId: string) {
    return this.post('/api/events', { kind: 'view', productId });
  }

  close() {
    return this.#agent.close();
  }
}

export const shippingAddress = {
  name: 'Sam Shopper',
  line1: '1 Market Street',
  city: 'Springfield',
  region: 'IL',
  postalCode: '12345',
  country: 'US',
};

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
