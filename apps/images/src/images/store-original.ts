import { createHash } from 'node:crypto';
import type { ImageStore } from './image-store';
import { type InspectedImage, inspectUpload } from './inspect-upload';

export interface StoredOriginal extends Omit<InspectedImage, 'contentType'> {
  hash: string;
  /** False when the same bytes were already stored (uploads are idempotent). */
  created: boolean;
}

/** The content address of an original: the sha256 of its bytes, in lowercase hex. */
export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks an upload and stores it, as uploaded, under its content hash. Nothing is written for
 * rejected input (inspection throws first); storing the same bytes twice writes once.
 */
export async function storeOriginal(
  deps: { store: ImageStore },
  bytes: Buffer,
): Promise<StoredOriginal> {
  const image = await inspectUpload(bytes);
  const hash = contentHash(bytes);
  const described = { hash, format: image.format, width: image.width, height: image.height };
  if (await deps.store.hasOriginal(hash)) return { ...described, created: false };
  await deps.store.putOriginal(hash, bytes, image);
  return { ...described, created: true };
}
