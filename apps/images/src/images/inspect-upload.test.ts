import { describe, expect, it } from 'vitest';
import { AppError } from '@shop/http';
import { inspectUpload } from './inspect-upload';
import {
  sampleAvif,
  sampleCameraJpeg,
  sampleGif,
  sampleHugePng,
  sampleJpeg,
  samplePng,
  sampleTiff,
  sampleWebp,
} from './sample-images';

async function rejection(bytes: Buffer): Promise<AppError> {
  const error = await inspectUpload(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('inspectUpload', () => {
  it('accepts a PNG and reports its format and size', async () => {
    expect(await inspectUpload(await samplePng())).toEqual({
      format: 'png',
      contentType: 'image/png',
      width: 120,
      height: 80,
    });
  });

  it('accepts JPEG, WebP and AVIF, naming each by its bytes', async () => {
    expect(await inspectUpload(await sampleJpeg())).toMatchObject({
      format: 'jpeg',
      contentType: 'image/jpeg',
    });
    expect(await inspectUpload(await sampleWebp())).toMatchObject({
      format: 'webp',
      contentType: 'image/webp',
    });
    expect(await inspectUpload(await sampleAvif())).toMatchObject({
      format: 'avif',
      contentType: 'image/avif',
      width: 120,
      height: 80,
    });
  });

  it('reports the size as displayed, after the EXIF orientation', async () => {
    expect(await inspectUpload(await sampleCameraJpeg())).toMatchObject({
      format: 'jpeg',
      width: 200,
      height: 400,
    });
  });

  it('refuses bytes that are not an image, whatever the file was called', async () => {
    const notAnImage = Buffer.from('<?php echo "holiday.jpg"; ?> this is not a picture');
    expect((await rejection(notAnImage)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses GIF and TIFF images', async () => {
    expect((await rejection(await sampleGif())).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await rejection(await sampleTiff())).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an SVG before any decoder reads it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await rejection(svg)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a truncated JPEG as invalid', async () => {
    const jpeg = await sampleJpeg({ width: 300, height: 200 });
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    const error = await rejection(truncated);
    expect(error.code).toBe('IMAGE_INVALID');
  });

  it('refuses a truncated PNG as invalid', async () => {
    const png = await samplePng({ width: 300, height: 200 });
    expect((await rejection(png.subarray(0, Math.floor(png.length * 0.7)))).code).toBe(
      'IMAGE_INVALID',
    );
  });

  it('refuses an image over 40 megapixels from its header, however small the file', async () => {
    const huge = await sampleHugePng();
    expect(huge.length).toBeLessThan(1024 * 1024);
    const error = await rejection(huge);
    expect(error.code).toBe('IMAGE_TOO_MANY_PIXELS');
    expect(error.details).toMatchObject({ width: 10_000, height: 5_000, maxPixels: 40_000_000 });
  });

  it('refuses an empty body', async () => {
    expect((await rejection(Buffer.alloc(0))).code).toBe('VALIDATION_FAILED');
  });
});
