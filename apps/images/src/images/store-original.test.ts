import { describe, expect, it } from 'vitest';
import { MemoryImageStore } from './memory-image-store';
import { sampleCameraJpeg, sampleGif, samplePng } from './sample-images';
import { contentHash, storeOriginal } from './store-original';

describe('storeOriginal', () => {
  it('stores the bytes as uploaded under their sha256, with format and size', async () => {
    const store = new MemoryImageStore();
    const bytes = await sampleCameraJpeg();
    const stored = await storeOriginal({ store }, bytes);
    expect(stored).toEqual({
      hash: contentHash(bytes),
      format: 'jpeg',
      width: 200,
      height: 400,
      created: true,
    });
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    const object = store.objects.get(`originals/${stored.hash}`);
    expect(object?.bytes.equals(bytes)).toBe(true);
    expect(object?.info).toEqual({
      format: 'jpeg',
      contentType: 'image/jpeg',
      width: 200,
      height: 400,
    });
  });

  it('stores the same bytes once and says so the second time', async () => {
    const store = new MemoryImageStore();
    const bytes = await samplePng();
    const first = await storeOriginal({ store }, bytes);
    const second = await storeOriginal({ store }, bytes);
    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect(store.calls.filter((call) => call.startsWith('putOriginal'))).toHaveLength(1);
  });

  it('stores nothing for a rejected upload', async () => {
    const store = new MemoryImageStore();
    await expect(storeOriginal({ store }, await sampleGif())).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(store.objects.size).toBe(0);
  });
});
