import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { originalKey, S3ImageStore, variantKey } from './image-store';

const hash = 'ab'.repeat(32);

describe('image store keys', () => {
  it('keeps originals under their hash and variants under hash/width.format', () => {
    expect(originalKey(hash)).toBe(`originals/${hash}`);
    expect(variantKey({ hash, width: 640, format: 'webp' })).toBe(`variants/${hash}/640.webp`);
  });
});

describe('S3ImageStore', () => {
  // Nothing listens on port 1: the store is down.
  const s3 = new S3Client({
    endpoint: 'http://127.0.0.1:1',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  const store = new S3ImageStore(s3, 'shop-images');
  afterAll(() => s3.destroy());

  it('reports an unreachable store as NOT_READY (a 503 to retry), not as a missing image', async () => {
    await expect(store.getOriginal(hash)).rejects.toMatchObject({ code: 'NOT_READY' });
    await expect(store.hasOriginal(hash)).rejects.toMatchObject({ code: 'NOT_READY' });
    await expect(store.getVariant({ hash, width: 64, format: 'jpeg' })).rejects.toMatchObject({
      code: 'NOT_READY',
    });
  });
});
