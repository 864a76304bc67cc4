/** Widths the image service renders (docs/API.md); anything else is refused. */
export type ImageWidth = 64 | 128 | 256 | 384 | 640 | 828 | 1080 | 1200 | 1920;
export type ImageFormat = 'avif' | 'webp' | 'jpeg';

/** The image service's address of one rendered variant of a picture. */
export function imagePath(hash: string, width: ImageWidth, format: ImageFormat): string {
  return `/img/${hash}/${width}.${format}`;
}

/** How large a variant comes out: scaled to `width`, keeping the ratio, never upscaled. */
export function variantSize(
  original: { width: number; height: number },
  width: ImageWidth,
): { width: number; height: number } {
  const scaled = Math.min(width, original.width);
  return { width: scaled, height: Math.round((original.height * scaled) / original.width) };
}
