import type { ErrorBody } from '@shop/domain';
import { describe, expect, it } from 'vitest';
import { ADMIN, CUSTOMER, Shopper, signedIn } from './shopper';

// The queue dashboard (bull-board) through the edge: its page, its JSON API and its assets are
// for admins only; bull-board has no authentication of its own, so the API's guard is all.

const BOARD = '/api/admin/queues';
// One of each of bull-board's kinds of route: the page, a deep link, its JSON API, an asset, and
// an action that changes a queue.
const routes = [
  ['GET', BOARD],
  ['GET', `${BOARD}/queue/outbox`],
  ['GET', `${BOARD}/api/queues`],
  ['GET', `${BOARD}/static/favicon-32x32.png`],
  ['PUT', `${BOARD}/api/queues/outbox/pause`],
] as const;

describe('queue dashboard', () => {
  it.each([
    { who: 'a guest', status: 401, code: 'UNAUTHENTICATED', as: async () => new Shopper() },
    {
      who: 'a signed-in customer',
      status: 403,
      code: 'FORBIDDEN',
      as: () => signedIn(CUSTOMER),
    },
  ])('answers $who $status $code on every kind of its routes', async ({ status, code, as }) => {
    const shopper = await as();
    for (const [method, route] of routes) {
      const reply = await shopper.call<ErrorBody>(method, route, method === 'PUT' ? {} : undefined);
      expect([method, route, reply.status]).toEqual([method, route, status]);
      expect(reply.body.error.code).toBe(code);
    }
  });

  it('shows an admin the hot-list and outbox queues, its page loading its assets through the edge', async () => {
    const admin = await signedIn(ADMIN);
    const page = await admin.get<string>(BOARD);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);

    // The page names its assets relative to <base href="/api/admin/queues/">.
    expect(page.body).toContain(`<base href="${BOARD}/" />`);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]*static\/[^"]+)"/g)].map(
      ([, path]) => path ?? '',
    );
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const path = asset.startsWith('/') ? asset : `${BOARD}/${asset}`;
      expect([path, (await admin.get(path)).status]).toEqual([path, 200]);
    }

    const listed = await admin.get<{ queues: { name: string; isPaused: boolean }[] }>(
      `${BOARD}/api/queues`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.queues.map((q) => q.name).sort()).toEqual(['hotlists', 'outbox']);
    // Nobody above paused anything.
    expect(listed.body.queues.every((q) => !q.isPaused)).toBe(true);
  });
});
