import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderVariant } from './render-variant';
import { sampleCameraJpeg, samplePng, sampleTransparentPng } from './sample-images';

describe('renderVariant', () => {
  it.each([
    ['avif', 'heif'],
    ['webp', 'webp'],
    ['jpeg', 'jpeg'],
  ] as const)('renders %s that decodes at the requested width', async (format, decoder) => {
    const original = await samplePng({ width: 800, height: 600 });
    const variant = await renderVariant(original, { width: 256, format });
    const metadata = await sharp(variant).metadata();
    expect(metadata.format).toBe(decoder);
    if (format === 'avif') expect(metadata.compression).toBe('av1');
    expect(metadata.width).toBe(256);
    expect(metadata.height).toBe(192);
    // It decodes completely, not just its header.
    await expect(sharp(variant, { failOn: 'warning' }).stats()).resolves.toBeDefined();
  });

  it('applies the EXIF orientation and strips EXIF (GPS included) from the variant', async () => {
    const original = await sampleCameraJpeg();
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('Jane Photographer');

    for (const format of ['jpeg', 'webp', 'avif'] as const) {
      const variant = await renderVariant(original, { width: 128, format });
      const after = await sharp(variant).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      // Stored 400×200 lying on its side; shown upright it is 200×400, so 128×256 here.
      expect([after.width, after.height]).toEqual([128, 256]);
    }
  });

  it('never enlarges: a 100px-wide original asked at 256 stays 100 wide', async () => {
    const original = await samplePng({ width: 100, height: 50 });
    const variant = await renderVariant(original, { width: 256, format: 'webp' });
    const metadata = await sharp(variant).metadata();
    expect([metadata.width, metadata.height]).toEqual([100, 50]);
  });

  it('lays transparent pixels on white for JPEG', async () => {
    const variant = await renderVariant(await sampleTransparentPng(), {
      width: 64,
      format: 'jpeg',
    });
    const { channels } = await sharp(variant).stats();
    // Half-transparent orange over white is light; over black it would be dark.
    expect(channels[2]?.mean ?? 0).toBeGreaterThan(100);
  });
});
