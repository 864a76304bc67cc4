'use client';

import type { Product } from '@shop/domain';
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { imageCandidates, imagePath } from '@/lib/image-url';
import styles from './product-gallery.module.css';
import { ProductTile } from './product-image';
import tileStyles from './product-image.module.css';
import { TilePhoto } from './tile-photo';

interface Props {
  slug: string;
  name: string;
  images: Product['images'];
  /** The `sizes` attribute of the main picture: how wide the gallery is drawn. */
  sizes: string;
  /** Drawn over the top of the main picture (e.g. how many are looking at it). */
  overlay?: ReactNode;
}

const anchor = (index: number) => `picture-${index + 1}`;

/** The largest variant of a picture that is no wider than its original. */
function largest(image: Props['images'][number]) {
  const candidates = imageCandidates(image.width);
  const last = candidates.at(-1) ?? { step: 1920 as const, width: image.width };
  return { href: imagePath(image.hash, last.step, 'jpeg'), width: last.width };
}

/**
 * Every picture of a product: a strip of square tiles that snaps picture by picture (swiped on
 * a phone, where each tile says "2 / 4"), thumbnails beside it on wider screens (a click or the
 * arrow keys switch; the chosen one is marked `aria-current`), and a click on the picture opens it
 * large in a dialog. Without a script the strip still scrolls, the thumbnails are links to
 * `#picture-N` and the picture links to its largest variant.
 */
export function ProductGallery({ slug, name, images, sizes, overlay }: Props) {
  const [current, setCurrent] = useState(0);
  const [zoomed, setZoomed] = useState<number | null>(null);
  const strip = useRef<HTMLUListElement>(null);
  const thumbs = useRef<HTMLUListElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const zoomTrigger = useRef<HTMLAnchorElement | null>(null);
  const count = images.length;

  const show = useCallback((index: number) => {
    strip.current?.scrollTo({ left: index * strip.current.clientWidth, behavior: 'instant' });
    setCurrent(index);
  }, []);

  // A swipe (or a scroll by any other means) chooses the picture that ends up in view.
  const onScroll = () => {
    const list = strip.current;
    if (!list || list.clientWidth === 0) return;
    const index = Math.round(list.scrollLeft / list.clientWidth);
    setCurrent(Math.min(Math.max(index, 0), count - 1));
  };

  const onThumbKey = (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % count
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + count) % count
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    show(next);
    const link = thumbs.current?.querySelectorAll('a').item(next);
    link?.focus();
  };

  const openZoom = (index: number, trigger: HTMLAnchorElement) => {
    zoomTrigger.current = trigger;
    setZoomed(index);
    dialog.current?.showModal();
  };

  const closeZoom = () => dialog.current?.close();

  if (count === 0) return <ProductTile slug={slug} name={name} large />;

  const zoomedImage = zoomed === null ? undefined : images[zoomed];
  const zoomedSize = zoomedImage ? largest(zoomedImage) : undefined;

  return (
    <section className={styles.gallery} aria-label={`Pictures of ${name}`}>
      <div className={styles.viewer}>
        <ul className={styles.strip} ref={strip} onScroll={onScroll} data-testid="gallery-strip">
          {images.map((image, index) => (
            <li
              key={image.hash}
              id={anchor(index)}
              className={styles.slide}
              data-testid="gallery-picture"
              aria-current={index === current ? 'true' : undefined}
            >
              <ProductTile slug={slug} name={name} large>
                <a
                  className={styles.zoomLink}
                  href={largest(image).href}
                  aria-haspopup="dialog"
                  // It opens a dialog, not the picture's address: no progress bar.
                  data-prevent-progress="true"
                  onClick={(event) => {
                    event.preventDefault();
                    openZoom(index, event.currentTarget);
                  }}
                >
                  <span className="visually-hidden">
                    {count > 1 ? `Enlarge picture ${index + 1} of ${count}: ` : 'Enlarge: '}
                  </span>
                  <TilePhoto
                    image={image}
                    sizes={sizes}
                    className={tileStyles.photo}
                    loading={index === 0 ? 'eager' : 'lazy'}
                    fetchPriority={index === 0 ? 'high' : 'auto'}
                  />
                </a>
                {count > 1 ? (
                  <span className={styles.counter} aria-hidden="true">
                    {index + 1} / {count}
                  </span>
                ) : null}
              </ProductTile>
            </li>
          ))}
        </ul>
        {overlay}
      </div>

      {count > 1 ? (
        <ul className={styles.thumbs} ref={thumbs} aria-label="Choose a picture">
          {images.map((image, index) => (
            <li key={image.hash}>
              <a
                className={styles.thumb}
                href={`#${anchor(index)}`}
                aria-current={index === current ? 'true' : undefined}
                data-testid="gallery-thumb"
                onClick={(event) => {
                  event.preventDefault();
                  show(index);
                }}
                onKeyDown={(event) => onThumbKey(event, index)}
              >
                <span className="visually-hidden">
                  Picture {index + 1} of {count}
                </span>
                <ProductTile slug={slug} name={name}>
                  <TilePhoto
                    image={{ ...image, alt: '' }}
                    sizes="80px"
                    className={tileStyles.photo}
                  />
                </ProductTile>
              </a>
            </li>
          ))}
        </ul>
      ) : null}

      <dialog
        ref={dialog}
        className={styles.zoom}
        aria-label={zoomedImage ? zoomedImage.alt : name}
        data-testid="gallery-zoom"
        // A click on the backdrop lands on the dialog itself; one on the picture does not.
        onClick={(event) => {
          if (event.target === event.currentTarget) closeZoom();
        }}
        onClose={() => {
          setZoomed(null);
          zoomTrigger.current?.focus();
        }}
      >
        <button type="button" className={styles.close} onClick={closeZoom}>
          Close<span className="visually-hidden"> the enlarged picture</span>
        </button>
        {zoomedImage && zoomedSize ? (
          <div className={styles.zoomFrame} style={{ maxWidth: `${zoomedSize.width}px` }}>
            <TilePhoto
              key={zoomedImage.hash}
              image={zoomedImage}
              sizes={`${zoomedSize.width}px`}
              className={styles.zoomPhoto}
              loading="eager"
              fallbackWidth={zoomedSize.width}
            />
          </div>
        ) : null}
      </dialog>
    </section>
  );
}
