import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { ListObjectsCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from './env';
import { clientAddress, picture, requestFrom, signIn, upload } from './shop-client';

const run = promisify(execFile);
const supervise = (...args: string[]) =>
  run('supervisorctl', ['-c', `${env.SHOP_ROOT}/infra/local/supervisord.conf`, ...args]);

const s3 = new S3Client({
  endpoint: env.S3_ENDPOINT,
  region: env.S3_REGION,
  forcePathStyle: true,
  // s3rver (and older MinIO) refuse the SDK's default request checksums.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
});

// ListObjects (v1): s3rver answers v2 listings with an internal error.
async function bucketKeys(): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await s3.send(new ListObjectsCommand({ Bucket: env.S3_BUCKET, Marker: marker }));
    const batch = (page.Contents ?? []).map((o) => o.Key ?? '');
    keys.push(...batch);
    if (!page.IsTruncated || batch.length === 0) break;
    marker = batch.at(-1);
  }
  return keys.sort();
}

async function renders(): Promise<number> {
  const text = await (await fetch(`http://${env.SHOP_HOST}:${env.IMAGES_PORT}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('shop_image_renders_total'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

let admin = '';
let customer = '';

beforeAll(async () => {
  admin = await signIn('admin@shopscale.test', 'admin-catalog-2026');
  customer = await signIn('demo@shopscale.test', 'demo-shopper-2026');
});

afterAll(async () => {
  await supervise('start', 's3', 'images').catch(() => undefined);
});

describe('uploads', () => {
  it('stores an admin upload under its content hash, once', async () => {
    const bytes = await picture();
    const first = await upload(admin, bytes);
    expect(first.status).toBe(201);
    const body = (await first.json()) as {
      hash: string;
      width: number;
      height: number;
      format: string;
    };
    expect(body).toMatchObject({ width: 800, height: 600, format: 'png' });
    expect(body.hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await upload(admin, bytes);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { hash: string }).hash).toBe(body.hash);
    expect((await bucketKeys()).filter((k) => k.includes(body.hash))).toHaveLength(1);
  });

  it('refuses guests (401) and customers (403)', async () => {
    const bytes = await picture();
    expect((await upload(undefined, bytes)).status).toBe(401);
    expect((await upload(customer, bytes)).status).toBe(403);
  });

  it('refuses every bad input with a 4xx and stores nothing', async () => {
    const before = await bucketKeys();
    const jpeg = await sharp(await picture())
      .jpeg()
      .toBuffer();
    // Exact statuses where the contract fixes them (413 size, 415 type); any clear 4xx otherwise.
    const cases: [string, Buffer, string, number | null][] = [
      ['text named .jpg', Buffer.from('this is not a picture at all'), 'image/jpeg', 415],
      [
        'GIF',
        await sharp(await picture(40, 40))
          .gif()
          .toBuffer(),
        'image/gif',
        415,
      ],
      [
        'TIFF',
        await sharp(await picture(40, 40))
          .tiff()
          .toBuffer(),
        'image/tiff',
        415,
      ],
      ['truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg', null],
      ['over 15 MB', Buffer.concat([jpeg, randomBytes(16 * 1024 * 1024)]), 'image/jpeg', 413],
      [
        'over 40 megapixels in a small file',
        await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
        'image/png',
        null,
      ],
    ];
    for (const [label, bytes, type, status] of cases) {
      const response = await upload(admin, bytes, type);
      const text = await response.text();
      expect([label, response.status >= 400 && response.status < 500]).toEqual([label, true]);
      if (status !== null) expect([label, response.status]).toEqual([label, status]);
      expect(text).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(await bucketKeys()).toEqual(before);
  });
});

describe('variants through the CDN cache', () => {
  let hash = '';

  beforeAll(async () => {
    const bytes = await sharp(await picture(1600, 1200))
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Shopscale test', Make: 'TestCam' } })
      .toBuffer();
    const response = await upload(admin, bytes, 'image/jpeg');
    hash = ((await response.json()) as { hash: string }).hash;
  });

  it('misses once, then hits without calling the image service', async () => {
    const url = `${env.PUBLIC_URL}/img/${hash}/640.webp`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(first.headers.get('etag')).toBeTruthy();
    await first.arrayBuffer();
    const rendersBefore = await renders();
    const second = await fetch(url);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    await second.arrayBuffer();
    expect(await renders()).toBe(rendersBefore);
  });

  it('renders a new variant once for 50 concurrent first requests', async () => {
    const before = await renders();
    const url = `${env.PUBLIC_URL}/img/${hash}/384.avif`;
    // 50 clients: the edge lets one address hold only a few variant requests at once.
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => requestFrom(url, clientAddress(i))),
    );
    expect(replies.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect((await renders()) - before).toBe(1);
  });

  it.each([
    ['avif', 256],
    ['webp', 828],
    ['jpeg', 1200],
  ])('serves %s at width %i with no EXIF', async (format, width) => {
    const response = await fetch(`${env.PUBLIC_URL}/img/${hash}/${width}.${format}`);
    expect(response.status).toBe(200);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(meta.width).toBe(width);
    expect(meta.format).toBe(format === 'avif' ? 'heif' : format);
    expect(meta.exif).toBeUndefined();
  });

  it.each([
    ['/img/HASH/500.webp', 400],
    ['/img/HASH/640.gif', 400],
    ['/img/not-a-hash/640.webp', 400],
    [`/img/${'0'.repeat(64)}/640.webp`, 404],
  ])('%s → %i', async (path, status) => {
    const response = await fetch(`${env.PUBLIC_URL}${path.replace('HASH', hash)}`);
    expect(response.status).toBe(status);
  });

  it('keeps serving cached variants with the image service and storage stopped', async () => {
    const url = `${env.PUBLIC_URL}/img/${hash}/640.webp`;
    expect((await fetch(url)).status).toBe(200);
    await supervise('stop', 'images', 's3');
    try {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(['HIT', 'STALE']).toContain(response.headers.get('x-cache-status'));
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    } finally {
      await supervise('start', 's3', 'images');
    }
  });
});
