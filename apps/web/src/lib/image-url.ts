/** Widths the image service renders (docs/API.md); anything else is refused. */
export const IMAGE_WIDTHS = [64, 128, 256, 384, 640, 828, 1080, 1200, 1920] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];
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

/** One srcset candidate: the variant to ask for and how wide it really comes out. */
export interface ImageCandidate {
  step: ImageWidth;
  width: number;
}

/** The smallest variant offered in a srcset (64 px is for the service's own thumbnails). */
const SMALLEST_OFFERED = 128;

/**
 * The variants worth offering for an original `originalWidth` px wide (unknown: every step).
 * Every step narrower than the original, then the original's own width, asked for as the next
 * step up: the service never upscales, so that step comes out exactly as wide as the original
 * (an 800 px original: 128, 256, 384, 640, then 828 described as 800w). No candidate is ever
 * wider than the original, and none repeats the same pixels under two addresses.
 */
export function imageCandidates(originalWidth?: number): ImageCandidate[] {
  const steps = IMAGE_WIDTHS.filter((step) => step >= SMALLEST_OFFERED);
  if (originalWidth === undefined || !(originalWidth > 0)) {
    return steps.map((step) => ({ step, width: step }));
  }
  const width = Math.round(originalWidth);
  const candidates: ImageCandidate[] = steps
    .filter((step) => step < width)
    .map((step) => ({ step, width: step }));
  const covering = steps.find((step) => step >= width);
  if (covering !== undefined) candidates.push({ step: covering, width });
  return candidates;
}

/** A `srcset` attribute for the candidates in one format. */
export function imageSrcSet(hash: string, candidates: ImageCandidate[], format: ImageFormat) {
  return candidates.map((c) => `${imagePath(hash, c.step, format)} ${c.width}w`).join(', ');
}

/** The candidate nearest `width` from below (else the smallest): the fallback `src`. */
export function candidateFor(candidates: ImageCandidate[], width: number): ImageCandidate {
  const fitting = candidates.filter((c) => c.width <= width);
  const chosen = fitting.at(-1) ?? candidates[0];
  if (!chosen) throw new Error('no image candidates');
  return chosen;
}
