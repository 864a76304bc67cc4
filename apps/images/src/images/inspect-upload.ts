import sharp, { type Metadata } from 'sharp';
import { AppError } from '@shop/http';

/** Largest upload body, in bytes (docs/API.md: ≤ 15 MiB). */
export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Largest image, in pixels (docs/API.md: ≤ 40 megapixels); a decompression bomb stops here. */
export const MAX_INPUT_PIXELS = 40_000_000;
/**
 * How much damage in the pixel data sharp refuses: truncated or undecodable data fails, a mere
 * decoder warning (common in camera JPEGs) does not. Uploads are checked and originals rendered
 * at the same level, so whatever was accepted can be rendered.
 */
export const FAIL_ON = 'error' as const;

export const ORIGINAL_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type OriginalFormat = (typeof ORIGINAL_FORMATS)[number];

export const originalContentType: Record<OriginalFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

export interface InspectedImage {
  format: OriginalFormat;
  contentType: string;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
}

const unsupported = (what: string) =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Unsupported image: ${what}; send JPEG, PNG, WebP or AVIF`,
    { accepted: ORIGINAL_FORMATS },
  );

/**
 * Cheap first gate on the leading bytes, so only JPEG, PNG, WebP and ISO-BMFF (AVIF/HEIF)
 * input ever reaches a decoder: SVG, PDF, TIFF, GIF and the rest never get parsed at all.
 */
function hasAcceptedSignature(bytes: Buffer): boolean {
  const ascii = (start: number, end: number) => bytes.toString('latin1', start, end);
  return (
    (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) ||
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    ascii(4, 8) === 'ftyp'
  );
}

function acceptedFormat(metadata: Metadata): OriginalFormat | undefined {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return metadata.format;
    case 'heif':
      // HEIF holds AVIF (AV1) or HEIC (HEVC); only AVIF is a web format.
      return metadata.compression === 'av1' ? 'avif' : undefined;
    default:
      return undefined;
  }
}

/**
 * Decides what an upload really is from its bytes (never its name or Content-Type) and that
 * it decodes completely; throws UNSUPPORTED_MEDIA_TYPE, IMAGE_TOO_MANY_PIXELS or IMAGE_INVALID.
 */
export async function inspectUpload(bytes: Buffer): Promise<InspectedImage> {
  if (bytes.length === 0) {
    throw new AppError('VALIDATION_FAILED', 'The request body is empty; send the image bytes', {
      fields: [{ field: 'body', message: 'is empty' }],
    });
  }
  if (!hasAcceptedSignature(bytes)) throw unsupported('not a JPEG, PNG, WebP or AVIF file');

  let metadata: Metadata;
  try {
    // Header only (no pixels decoded), so the size check below comes before any decoding.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    if (error instanceof Error && /unsupported image format/i.test(error.message)) {
      throw unsupported('unrecognised format');
    }
    throw new AppError('IMAGE_INVALID', 'The image header cannot be read; the file is corrupt');
  }
  const format = acceptedFormat(metadata);
  if (!format) {
    const detected = metadata.format === 'heif' ? `heif/${metadata.compression}` : metadata.format;
    throw unsupported(detected);
  }

  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) throw new AppError('IMAGE_INVALID', 'The image has no pixels');
  if (pixels > MAX_INPUT_PIXELS) {
    throw new AppError(
      'IMAGE_TOO_MANY_PIXELS',
      `The image is ${metadata.width}×${metadata.height} (${(pixels / 1e6).toFixed(1)} megapixels); the limit is ${MAX_INPUT_PIXELS / 1e6}`,
      { width: metadata.width, height: metadata.height, maxPixels: MAX_INPUT_PIXELS },
    );
  }

  try {
    // Decode every pixel once (stats streams them, holding little memory) to catch truncated
    // or damaged files now rather than at the first render.
    await sharp(bytes, { failOn: FAIL_ON, limitInputPixels: MAX_INPUT_PIXELS }).stats();
  } catch {
    throw new AppError(
      'IMAGE_INVALID',
      'The image does not decode completely (truncated or corrupt)',
    );
  }

  return {
    format,
    contentType: originalContentType[format],
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
  };
}
