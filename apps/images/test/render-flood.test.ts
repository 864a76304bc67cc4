// Admission control against the real stack, through the edge: a flood of first renders is
// answered 503 (with Retry-After) past the image service's render queue, 429 past one address's
// share at the edge, and never with a 502, while cached variants keep being served to everyone,
// however many share an address.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import {
  type Answer,
  clientAddress,
  photo,
  requestFrom,
  signInAsAdmin,
  uploadOrThrow,
} from './shop-client';

const WIDTHS = [64, 128, 256, 384, 640, 828, 1080, 1200, 1920];
const FORMATS = ['avif', 'webp', 'jpeg'];
const service = `http://${env.SHOP_HOST}:${env.IMAGES_PORT}`;

const variantPaths = (hash: string) =>
  WIDTHS.flatMap((width) => FORMATS.map((format) => `/img/${hash}/${width}.${format}`));

async function uploadPhotos(cookie: string, count: number): Promise<string[]> {
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) hashes.push(await uploadOrThrow(cookie, await photo()));
  return hashes;
}

/** Renders waiting for a slot in the image service now. */
async function rendersWaiting(): Promise<number> {
  const text = await (await fetch(`${service}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('shop_image_render_admission{state="waiting"'));
  return Number(line?.split(' ').at(-1) ?? 0);
}

const errorCode = (answer: Answer) =>
  (JSON.parse(answer.body.toString()) as { error: { code: string } }).error.code;

/** Some answers have `status`, and each says to retry later, uncached, with `code`. */
function expectRefusals(answers: Answer[], status: number, code: string): Answer[] {
  const refused = answers.filter((a) => a.status === status);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(errorCode(answer)).toBe(code);
  }
  return refused;
}

let admin = '';

beforeAll(async () => {
  admin = await signInAsAdmin();
});

describe('a flood of first renders', () => {
  it('answers a flood of first renders with fast 503s and Retry-After, never 502, and keeps serving cached variants', async () => {
    const [probe = '', ...flooded] = await uploadPhotos(admin, 6);
    // A variant the CDN holds, and one only S3 holds (asked of the image service directly).
    const cachedPath = `/img/${probe}/640.webp`;
    const storedPath = `/img/${probe}/384.jpeg`;
    expect((await requestFrom(`${env.PUBLIC_URL}${cachedPath}`, clientAddress(0))).status).toBe(
      200,
    );
    expect((await requestFrom(`${service}${storedPath}`, clientAddress(0))).status).toBe(200);

    // 135 distinct variants nobody asked for before, each from its own client.
    const paths = flooded.flatMap((hash) => variantPaths(hash));
    let settled = false;
    const flood = Promise.all(
      paths.map((path, i) => requestFrom(`${env.PUBLIC_URL}${path}`, clientAddress(i + 1))),
    ).finally(() => (settled = true));
    while (!settled && (await rendersWaiting()) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const cached = await requestFrom(`${env.PUBLIC_URL}${cachedPath}`, clientAddress(500));
    const stored = await requestFrom(`${env.PUBLIC_URL}${storedPath}`, clientAddress(501));
    const answers = await flood;

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => ![200, 503, 429].includes(s))).toEqual([]);
    expect(statuses).toContain(200);
    const busy = expectRefusals(answers, 503, 'SERVICE_BUSY');
    expect([cached.status, cached.headers['x-cache-status']]).toEqual([200, 'HIT']);
    // A stored variant is a cache miss like the flood's: it is served, or, when the edge's share
    // of misses is taken, refused like them (503, Retry-After) and served once the flood is over.
    if (stored.status === 503) expectRefusals([stored], 503, 'SERVICE_BUSY');
    else expect([stored.status, stored.headers['content-type']]).toEqual([200, 'image/jpeg']);
    // A refused variant is not cached as an error: once the flood is over it renders.
    const retried = await requestFrom(
      `${env.PUBLIC_URL}${paths[answers.indexOf(busy[0] as Answer)]}`,
      clientAddress(502),
    );
    expect(retried.status).toBe(200);
    const storedAfter = await requestFrom(`${env.PUBLIC_URL}${storedPath}`, clientAddress(503));
    expect([storedAfter.status, storedAfter.headers['content-type']]).toEqual([200, 'image/jpeg']);
  }, 180_000);

  it('refuses one address more first renders at once than its share, with 429 RATE_LIMITED', async () => {
    const hashes = await uploadPhotos(admin, 2);
    const from = clientAddress(600);
    const answers = await Promise.all(
      hashes
        .flatMap((hash) => variantPaths(hash))
        .map((path) => requestFrom(`${env.PUBLIC_URL}${path}`, from)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => ![200, 503, 429].includes(s))).toEqual([]);
    expectRefusals(answers, 429, 'RATE_LIMITED');
  }, 180_000);

  it('never refuses cache hits, however many one address asks for at once (shoppers behind one NAT)', async () => {
    const [hash = ''] = await uploadPhotos(admin, 1);
    const from = clientAddress(650);
    // Rendered once, one at a time: now every variant is in the CDN's cache.
    const paths = variantPaths(hash);
    for (const path of paths) {
      expect((await requestFrom(`${env.PUBLIC_URL}${path}`, from)).status).toBe(200);
    }
    // Several browsers' worth of pictures at once from that one address: all served.
    const answers = await Promise.all(
      [...paths, ...paths].map((path) => requestFrom(`${env.PUBLIC_URL}${path}`, from)),
    );
    expect(answers.map((a) => [a.status, a.headers['x-cache-status']])).toEqual(
      answers.map(() => [200, 'HIT']),
    );
  }, 180_000);

  it('refuses a burst of uploads from one address past its rate with 429 RATE_LIMITED', async () => {
    const from = clientAddress(700);
    // Without a session: the image service refuses them (401) before reading any bytes.
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        requestFrom(`${env.PUBLIC_URL}/img`, from, {
          method: 'POST',
          headers: { 'content-type': 'image/jpeg' },
          body: Buffer.from('not read'),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => ![401, 429].includes(s))).toEqual([]);
    expectRefusals(answers, 429, 'RATE_LIMITED');
  });
});
