'use client';

import { useCallback, useState } from 'react';
import {
  candidateFor,
  imageCandidates,
  imageSrcSet,
  imagePath,
  type ImageCandidate,
} from '@/lib/image-url';

export interface TilePhotoImage {
  hash: string;
  alt: string;
  /** The original's size, when known: no candidate wider than it is offered. */
  width?: number | undefined;
  height?: number | undefined;
}

interface Props {
  image: TilePhotoImage;
  /** The `sizes` attribute: how wide the picture is drawn. */
  sizes: string;
  className?: string | undefined;
  /** Above the fold: load at once; `high` for the page's largest picture. */
  loading?: 'eager' | 'lazy';
  fetchPriority?: 'high' | 'auto';
  /** The fallback `src`'s width, for browsers without srcset. */
  fallbackWidth?: number;
}

const failedToLoad = (img: HTMLImageElement) =>
  img.complete && img.naturalWidth === 0 && img.currentSrc !== '';

/**
 * A picture from the shop's image service (fixed widths, immutable URLs behind the edge's
 * cache), not Next's optimizer: AVIF, else WebP, else JPEG, at the width the layout needs and
 * never wider than the original. Drawn over a placeholder tile; when it fails to load it is
 * removed, so the tile shows instead of a broken-image icon with its alt text.
 */
export function TilePhoto({
  image,
  sizes,
  className,
  loading = 'lazy',
  fetchPriority = 'auto',
  fallbackWidth = 640,
}: Props) {
  const [failed, setFailed] = useState(false);
  // A picture that failed before hydration fired its error event before React listened.
  const checkOnMount = useCallback((img: HTMLImageElement | null) => {
    if (img && failedToLoad(img)) setFailed(true);
  }, []);
  if (failed) return null;

  const candidates: ImageCandidate[] = imageCandidates(image.width);
  const fallback = candidateFor(candidates, fallbackWidth);
  const ratio = image.width && image.height ? image.height / image.width : 1;
  return (
    <picture>
      <source
        type="image/avif"
        srcSet={imageSrcSet(image.hash, candidates, 'avif')}
        sizes={sizes}
      />
      <source
        type="image/webp"
        srcSet={imageSrcSet(image.hash, candidates, 'webp')}
        sizes={sizes}
      />
      <img
        ref={checkOnMount}
        className={className}
        src={imagePath(image.hash, fallback.step, 'jpeg')}
        srcSet={imageSrcSet(image.hash, candidates, 'jpeg')}
        sizes={sizes}
        width={fallback.width}
        height={Math.round(fallback.width * ratio)}
        alt={image.alt}
        loading={loading}
        fetchPriority={fetchPriority}
        decoding="async"
        onError={() => setFailed(true)}
      />
    </picture>
  );
}
