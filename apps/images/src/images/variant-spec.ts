import { AppError } from '@shop/http';

/**
 * The only widths the service renders. A fixed list keeps URLs immutable and cacheable and
 * stops anyone from making the service render (and store) arbitrary sizes.
 */
export const VARIANT_WIDTHS = [64, 128, 256, 384, 640, 828, 1080, 1200, 1920] as const;
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;

export type VariantWidth = (typeof VARIANT_WIDTHS)[number];
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export interface VariantSpec {
  hash: string;
  width: VariantWidth;
  format: VariantFormat;
}

/** An original's name: the sha256 of its bytes, 64 lowercase hex digits. */
export const CONTENT_HASH = /^[0-9a-f]{64}$/;

export const variantContentType: Record<VariantFormat, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpeg: 'image/jpeg',
};

const isWidth = (n: number): n is VariantWidth => (VARIANT_WIDTHS as readonly number[]).includes(n);
const isFormat = (s: string): s is VariantFormat =>
  (VARIANT_FORMATS as readonly string[]).includes(s);

function invalid(field: string, message: string): never {
  throw new AppError('VALIDATION_FAILED', `Invalid ${field}: ${message}`, {
    fields: [{ field, message }],
  });
}

/** Reads `/img/:hash/:file` (file = `<width>.<format>`), or throws a 400 naming the bad part. */
export function parseVariantSpecOrThrow(params: { hash: string; file: string }): VariantSpec {
  const { hash, file } = params;
  if (!CONTENT_HASH.test(hash)) invalid('hash', 'must be 64 lowercase hex digits (sha256)');
  const dot = file.lastIndexOf('.');
  if (dot <= 0) invalid('file', 'must be <width>.<format>, e.g. 640.webp');
  const widthText = file.slice(0, dot);
  const format = file.slice(dot + 1);
  const width = /^[1-9][0-9]{0,4}$/.test(widthText) ? Number(widthText) : Number.NaN;
  if (!isWidth(width)) invalid('width', `must be one of ${VARIANT_WIDTHS.join(', ')}`);
  if (!isFormat(format)) invalid('format', `must be one of ${VARIANT_FORMATS.join(', ')}`);
  return { hash, width, format };
}

/** A strong validator named by the URL: the bytes behind a variant URL never change. */
export function variantEtag(spec: VariantSpec): string {
  return `"${spec.hash}-${spec.width}-${spec.format}"`;
}

/** True when an If-None-Match header names this ETag (weak or strong) or is `*`. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
