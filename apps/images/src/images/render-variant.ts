import { AppError } from '@shop/http';
import sharp, { type Sharp } from 'sharp';
import { FAIL_ON, MAX_INPUT_PIXELS } from './inspect-upload';
import type { VariantFormat } from './variant-spec';

/**
 * Renders one variant of an original: oriented by its EXIF tag, at most `width` wide (never
 * enlarged), encoded as `format`. sharp drops all metadata (EXIF with GPS, XMP, ICC after
 * converting to sRGB) unless asked to keep it, and nothing here asks. A render that runs past
 * `timeoutSeconds` (0: no limit) is stopped and throws SERVICE_BUSY.
 */
export async function renderVariant(
  original: Buffer,
  variant: { width: number; format: VariantFormat },
  timeoutSeconds = 0,
): Promise<Buffer> {
  const image = sharp(original, { failOn: FAIL_ON, limitInputPixels: MAX_INPUT_PIXELS })
    .timeout({ seconds: timeoutSeconds })
    .rotate()
    .resize({ width: variant.width, withoutEnlargement: true });
  try {
    return await encode(image, variant.format);
  } catch (error) {
    // libvips stops a pipeline past its timeout with "timeout: N% complete".
    if (error instanceof Error && /^timeout\b/.test(error.message)) {
      throw new AppError('SERVICE_BUSY', 'Rendering took too long; try again shortly', undefined, {
        cause: error,
      });
    }
    throw error;
  }
}

function encode(image: Sharp, format: VariantFormat): Promise<Buffer> {
  switch (format) {
    case 'avif':
      // Effort 3, not sharp's default 4: 3.4 to 5 times faster for 1 to 5 % more bytes
      // (npm run bench:avif-effort), and a first render holds a core for that long.
      return image.avif({ quality: 50, effort: 3 }).toBuffer();
    case 'webp':
      return image.webp({ quality: 75 }).toBuffer();
    case 'jpeg':
      // JPEG has no transparency: lay see-through pixels on white rather than black.
      return image
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 78, mozjpeg: true })
        .toBuffer();
  }
}
