import type { ProductSummary } from '@shop/domain';
import type { ReactNode } from 'react';
import { tilePalette } from '@/lib/tile-palette';
import styles from './product-image.module.css';
import { TilePhoto, type TilePhotoImage } from './tile-photo';

interface Props {
  product: Pick<ProductSummary, 'slug' | 'name'> & { image: TilePhotoImage | null };
  /** The `sizes` attribute for the real image: how wide the tile is drawn. */
  sizes: string;
  size?: 'card' | 'large';
  /** Above the fold: load at once; `high` for the page's largest picture. */
  loading?: 'eager' | 'lazy';
  fetchPriority?: 'high' | 'auto';
}

/**
 * A product's picture at a fixed square ratio, so the layout never shifts: a colour tile made
 * from the slug with the product's initial, and the photo, when there is one and it loads,
 * drawn over it.
 */
export function ProductImage({
  product,
  sizes,
  size = 'card',
  loading = 'lazy',
  fetchPriority = 'auto',
}: Props) {
  return (
    <ProductTile slug={product.slug} name={product.name} large={size === 'large'}>
      {product.image ? (
        <TilePhoto
          image={product.image}
          sizes={sizes}
          className={styles.photo}
          loading={loading}
          fetchPriority={fetchPriority}
        />
      ) : null}
    </ProductTile>
  );
}

/** The placeholder tile a product's pictures are drawn over: its colours and its initial. */
export function ProductTile({
  slug,
  name,
  large = false,
  children,
}: {
  slug: string;
  name: string;
  large?: boolean;
  children?: ReactNode;
}) {
  const initial = name.trim().charAt(0).toUpperCase();
  return (
    <div className={`${styles.tile} ${large ? styles.large : ''}`} style={tilePalette(slug)}>
      <span className={styles.initial} aria-hidden="true">
        {initial}
      </span>
      {children}
    </div>
  );
}
