import type { ProductSummary } from '@shop/domain';
import { imagePath, type ImageFormat, type ImageWidth } from '@/lib/image-url';
import { tilePalette } from '@/lib/tile-palette';
import styles from './product-image.module.css';

/** The widths offered to the browser, from those the image service renders. */
const IMAGE_WIDTHS: ImageWidth[] = [128, 256, 384, 640, 828, 1080, 1200];

const srcSet = (hash: string, format: ImageFormat) =>
  IMAGE_WIDTHS.map((w) => `${imagePath(hash, w, format)} ${w}w`).join(', ');

interface Props {
  product: Pick<ProductSummary, 'slug' | 'name' | 'image'>;
  /** The `sizes` attribute for the real image: how wide the tile is drawn. */
  sizes: string;
  size?: 'card' | 'large';
  priority?: boolean;
}

/**
 * A product's picture at a fixed square ratio, so the layout never shifts. Until the catalog has
 * photos it is a colour tile made from the slug with the product's initial; a photo, once there,
 * is drawn over the same tile.
 */
export function ProductImage({ product, sizes, size = 'card', priority = false }: Props) {
  const initial = product.name.trim().charAt(0).toUpperCase();
  const image = product.image;
  return (
    <div
      className={`${styles.tile} ${size === 'large' ? styles.large : ''}`}
      style={tilePalette(product.slug)}
    >
      <span className={styles.initial} aria-hidden="true">
        {initial}
      </span>
      {image ? (
        // Images come from the shop's own image service (fixed widths, immutable URLs behind
        // the edge's cache), not from Next's optimizer. The browser picks AVIF, else WebP,
        // else JPEG, at the width the layout needs; width/height keep the square reserved.
        <picture>
          <source type="image/avif" srcSet={srcSet(image.hash, 'avif')} sizes={sizes} />
          <source type="image/webp" srcSet={srcSet(image.hash, 'webp')} sizes={sizes} />
          <img
            className={styles.photo}
            src={imagePath(image.hash, 640, 'jpeg')}
            srcSet={srcSet(image.hash, 'jpeg')}
            sizes={sizes}
            width={640}
            height={640}
            alt={image.alt}
            loading={priority ? 'eager' : 'lazy'}
            fetchPriority={priority ? 'high' : 'auto'}
            decoding="async"
          />
        </picture>
      ) : null}
    </div>
  );
}
