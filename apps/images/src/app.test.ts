// The HTTP contract of the image service through inject(), on an in-memory store. Uploads as an
// admin need a session in Redis: those run in the integration tests against the real stack.
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from './app';
import { MemoryImageStore } from './images/memory-image-store';
import { samplePng } from './images/sample-images';
import { storeOriginal } from './images/store-original';

let app: App;
let hash: string;
// Never connects: no test here sends a session cookie, so the session store is never asked.
const redis = new Redis({ lazyConnect: true });

beforeAll(async () => {
  const store = new MemoryImageStore();
  ({ hash } = await storeOriginal({ store }, await samplePng({ width: 900, height: 600 })));
  app = await buildApp({
    store,
    redis,
    session: {
      secret: 'x'.repeat(32),
      idleSeconds: 3600,
      absoluteSeconds: 7200,
      publicOrigins: ['http://shop.test'],
    },
    instanceId: 'images-test',
    render: { concurrency: 2, queueSize: 4, queueWaitSeconds: 10, timeoutSeconds: 30 },
  });
});

afterAll(async () => {
  await app.close();
  redis.disconnect();
});

describe('GET /img/:hash/:width.:format', () => {
  it('serves the variant as an immutable, validated, sized image', async () => {
    const response = await app.inject({
      url: `/img/${hash}/640.webp`,
      headers: { 'x-request-id': 'edge-request-0001' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/webp');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers.etag).toBe(`"${hash}-640-webp"`);
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(response.headers['x-served-by']).toBe('images-test');
    expect(response.headers['x-request-id']).toBe('edge-request-0001');
    expect((await sharp(response.rawPayload).metadata()).width).toBe(640);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const response = await app.inject({
      url: `/img/${hash}/128.jpeg`,
      headers: { 'if-none-match': `"${hash}-128-jpeg"` },
    });
    expect(response.statusCode).toBe(304);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers.etag).toBe(`"${hash}-128-jpeg"`);
  });

  it.each([
    ['width', `/img/${'a'.repeat(64)}/500.webp`],
    ['format', `/img/${'a'.repeat(64)}/640.gif`],
    ['hash', `/img/${'A'.repeat(64)}/640.webp`],
  ])('refuses a bad %s with an uncacheable 400 naming it', async (field, url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field }] },
    });
  });

  it('answers an uncacheable 404 for an unknown hash', async () => {
    const response = await app.inject({ url: `/img/${'0'.repeat(64)}/64.avif` });
    expect(response.statusCode).toBe(404);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.etag).toBeUndefined();
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('GET /img/:hash/:width.:format under a render flood', () => {
  it('answers 503 SERVICE_BUSY with Retry-After, uncacheable, once the render queue is full', async () => {
    const store = new MemoryImageStore();
    const { hash: busyHash } = await storeOriginal({ store }, await samplePng());
    let release: () => void = () => {};
    const originalHeld = new Promise<void>((resolve) => (release = resolve));
    const getOriginal = store.getOriginal.bind(store);
    store.getOriginal = async (h) => {
      await originalHeld;
      return getOriginal(h);
    };
    const busyApp = await buildApp({
      store,
      redis,
      session: {
        secret: 'x'.repeat(32),
        idleSeconds: 3600,
        absoluteSeconds: 7200,
        publicOrigins: ['http://shop.test'],
      },
      instanceId: 'images-test',
      render: { concurrency: 1, queueSize: 1, queueWaitSeconds: 10, timeoutSeconds: 30 },
    });
    try {
      const admitted = [busyApp.inject({ url: `/img/${busyHash}/64.webp` })];
      admitted.push(busyApp.inject({ url: `/img/${busyHash}/128.webp` }));
      // The first holds the slot, the second the one queue place: the third is refused.
      const admission = async () => (await busyApp.inject({ url: '/metrics' })).body;
      while (!/shop_image_render_admission\{state="waiting"[^}]*\} 1/.test(await admission())) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const refused = await busyApp.inject({ url: `/img/${busyHash}/256.webp` });
      expect(refused.statusCode).toBe(503);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect(refused.json()).toEqual({
        error: { code: 'SERVICE_BUSY', message: expect.any(String) },
      });
      release();
      expect((await Promise.all(admitted)).map((r) => r.statusCode)).toEqual([200, 200]);
    } finally {
      await busyApp.close();
    }
  });
});

describe('POST /img', () => {
  it('refuses a visitor without a session', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/img',
      headers: { 'content-type': 'image/png' },
      payload: await samplePng(),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cross-site browser request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/img',
      headers: { 'content-type': 'image/png', 'sec-fetch-site': 'cross-site' },
      payload: await samplePng(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REQUEST');
  });
});

describe('operations', () => {
  it('answers liveness and counts renders in /metrics', async () => {
    expect((await app.inject({ url: '/img/healthz' })).json()).toEqual({
      status: 'ok',
      instance: 'images-test',
    });
    const metrics = await app.inject({ url: '/metrics' });
    expect(metrics.body).toContain(
      'shop_image_renders_total{format="webp",instance_id="images-test"} 1',
    );
    expect(metrics.body).toContain('shop_image_uploads_total');
  });
});
