import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorefrontRevalidation } from './storefront-revalidation';

// Two storefront replicas behind one name, as a compose or swarm service name resolves: two
// loopback addresses on one port, each a real HTTP server recording what it was sent.
const received: Record<string, unknown[]> = { '127.0.0.1': [], '127.0.0.2': [] };
const servers: Server[] = [];
let port = 0;

function listen(host: string, on: number): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received[host]?.push({
        path: req.url,
        auth: req.headers.authorization,
        body: JSON.parse(body),
      });
      res.writeHead(200).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(on, host, () => resolve(server)));
}

beforeAll(async () => {
  servers.push(await listen('127.0.0.1', 0));
  port = (servers[0]?.address() as AddressInfo).port;
  servers.push(await listen('127.0.0.2', port));
});
afterAll(() => {
  for (const server of servers) server.close();
});

const change = { products: ['a-lamp'], categories: ['lighting'] };
const quiet = { warn: () => undefined };

describe('StorefrontRevalidation', () => {
  it('posts a change to every address the storefront name has', async () => {
    const storefront = new StorefrontRevalidation(
      [`http://web:${port}`],
      'shh',
      quiet,
      async (name) => (name === 'web' ? ['127.0.0.1', '127.0.0.2'] : []),
    );
    await storefront.revalidate(change);
    for (const host of ['127.0.0.1', '127.0.0.2']) {
      expect(received[host]).toEqual([
        { path: '/internal/revalidate', auth: 'Bearer shh', body: change },
      ]);
    }
  });

  it('uses a name DNS does not know as it is, and reports a replica that fails', async () => {
    const warnings: object[] = [];
    const storefront = new StorefrontRevalidation(
      [`http://localhost:${port}`, 'http://127.0.0.1:9'],
      'shh',
      { warn: (details) => warnings.push(details) },
      async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    );
    received['127.0.0.1'] = [];
    await storefront.revalidate(change);
    expect(received['127.0.0.1']).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ url: 'http://127.0.0.1:9' })]);
  });
});
