// The log collector (infra/logs): one request's lines from the edge, the storefront and the API
// found by its request id with `npm run logs -- --request <id>`, as an operator would.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { env } from './env';
import { api, waitUntil } from './stack';

const run = promisify(execFile);

interface Line {
  tier: string;
  reqId: string;
  msg?: string;
  status?: number;
  uri?: string;
  url?: string;
}

/** `npm run logs -- --request <id> --json`: the request's collected lines (none yet: []). */
async function requestLines(id: string): Promise<Line[]> {
  try {
    const { stdout } = await run(
      'bash',
      ['infra/local/bin/shop', 'logs', '--request', id, '--json'],
      {
        cwd: env.SHOP_ROOT,
      },
    );
    return stdout
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Line);
  } catch (error) {
    // Exit status 1: nothing collected under this id yet.
    if ((error as { code?: number }).code === 1) return [];
    throw error;
  }
}

describe('collected logs', () => {
  it("follow one request from the edge through the storefront to the API under the edge's id", async () => {
    // An unknown product: no cache on the way has it, so the storefront asks the API.
    const id = randomBytes(16).toString('hex');
    const page = await api(`/p/no-such-product-${id.slice(0, 8)}`, {
      headers: { 'x-request-id': id },
    });
    expect(page.status).toBe(404);
    expect(page.headers.get('x-request-id')).toBe(id);

    let lines: Line[] = [];
    // The storefront writes its lines in batches (every 5 s).
    await waitUntil(
      async () => {
        lines = await requestLines(id);
        const tiers = new Set(lines.map((line) => line.tier.replace(/-\d+$/, '')));
        return tiers.has('edge') && tiers.has('web') && tiers.has('api');
      },
      20_000,
      500,
    );
    expect(lines.every((line) => line.reqId === id)).toBe(true);
    // The edge saw the page and the storefront's call to the API; the storefront logged both;
    // the API answered the call.
    const edge = lines.filter((line) => line.tier === 'edge').map((line) => line.uri);
    expect(edge).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/p\//),
        expect.stringMatching(/^\/api\/products\//),
      ]),
    );
    const web = lines.filter((line) => line.tier === 'web').map((line) => line.msg);
    expect(web).toEqual(expect.arrayContaining(['request', 'fetch']));
    const apiLines = lines.filter((line) => line.tier.startsWith('api-'));
    expect(apiLines).toContainEqual(
      expect.objectContaining({ status: 404, url: expect.stringMatching(/^\/api\/products\//) }),
    );
  });

  it('refuses a malformed request id with a clear message', async () => {
    const refused = await run('bash', ['infra/local/bin/shop', 'logs', '--request', 'no good'], {
      cwd: env.SHOP_ROOT,
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('not a request id') });
  });
});
