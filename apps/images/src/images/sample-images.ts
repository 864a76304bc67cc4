// Images made by sharp on the spot, for the tests beside this file (nothing binary is committed).
import sharp from 'sharp';

type Size = { width: number; height: number };

/** A flat-coloured image with a little noise, so encoders have something to encode. */
function canvas({ width, height }: Size, channels: 3 | 4 = 3) {
  return sharp({
    create: {
      width,
      height,
      channels,
      background: channels === 4 ? { r: 255, g: 120, b: 0, alpha: 0.5 } : '#ff7800',
      noise: { type: 'gaussian', mean: 128, sigma: 20 },
    },
  });
}

export const samplePng = (size: Size = { width: 120, height: 80 }) => canvas(size).png().toBuffer();
export const sampleJpeg = (size: Size = { width: 120, height: 80 }) =>
  canvas(size).jpeg().toBuffer();
export const sampleWebp = (size: Size = { width: 120, height: 80 }) =>
  canvas(size).webp().toBuffer();
export const sampleAvif = (size: Size = { width: 120, height: 80 }) =>
  canvas(size).avif().toBuffer();
export const sampleGif = () => canvas({ width: 40, height: 30 }).gif().toBuffer();
export const sampleTiff = () => canvas({ width: 40, height: 30 }).tiff().toBuffer();
export const sampleTransparentPng = () => canvas({ width: 64, height: 64 }, 4).png().toBuffer();

/**
 * A camera-style JPEG stored 400×200 with EXIF orientation 6 (display rotated 90° clockwise, so
 * 200×400 on screen) and personal EXIF: the photographer's name and a GPS position.
 */
export const sampleCameraJpeg = () =>
  canvas({ width: 400, height: 200 })
    .jpeg()
    .withExif({
      IFD0: { Copyright: 'Jane Photographer', Make: 'Acme Cameras' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 3/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();

/** 10000×5000 (50 megapixels) of one colour: a few hundred kilobytes that would decode to 150 MB. */
export const sampleHugePng = () =>
  sharp({ create: { width: 10_000, height: 5_000, channels: 3, background: '#000' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
