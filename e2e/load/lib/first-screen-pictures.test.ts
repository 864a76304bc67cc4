import { describe, expect, it } from 'vitest';
import { firstScreenPictureCount, firstScreenPictures } from './first-screen-pictures';

/** A product card as the storefront renders it: `<picture>` with AVIF and WebP sources. */
function card(hash: string): string {
  const set = (format: string) =>
    `/img/${hash}/256.${format} 256w, /img/${hash}/640.${format} 640w`;
  return (
    `<a href="/p/${hash}"><div class="tile"><picture>` +
    `<source type="image/avif" srcSet="${set('avif')}" sizes="220px"/>` +
    `<source type="image/webp" srcSet="${set('webp')}" sizes="220px"/>` +
    `<img class="photo" src="/img/${hash}/640.jpeg" srcSet="${set('jpeg')}" sizes="220px" ` +
    `width="640" height="640" alt="A ${hash}" loading="lazy" decoding="async"/>` +
    `</picture></div></a>`
  );
}

describe('firstScreenPictures', () => {
  it('takes each picture card’s src, in document order', () => {
    const html = `<main>${card('aa11')}${card('bb22')}${card('cc33')}</main>`;
    expect(firstScreenPictures(html)).toEqual([
      '/img/aa11/640.jpeg',
      '/img/bb22/640.jpeg',
      '/img/cc33/640.jpeg',
    ]);
  });

  it(`stops at ${firstScreenPictureCount}: the first screen, not the whole page`, () => {
    const hashes = Array.from({ length: 20 }, (_, i) => `h${i}`);
    const pictures = firstScreenPictures(hashes.map(card).join(''));
    expect(pictures).toHaveLength(firstScreenPictureCount);
    expect(pictures[0]).toBe('/img/h0/640.jpeg');
    expect(pictures.at(-1)).toBe('/img/h7/640.jpeg');
  });

  it('asks for a picture shown twice only once', () => {
    const html = card('aa11') + card('bb22') + card('aa11');
    expect(firstScreenPictures(html)).toEqual(['/img/aa11/640.jpeg', '/img/bb22/640.jpeg']);
  });

  it('decodes &amp; in a src', () => {
    const html = '<img alt="" src="/img/aa11/640.jpeg?v=2&amp;x=1">';
    expect(firstScreenPictures(html)).toEqual(['/img/aa11/640.jpeg?v=2&x=1']);
  });

  it('reads single-quoted and unquoted values, in upper-case tags too', () => {
    const html = `<IMG SRC='/img/aa11/640.jpeg'><img alt=x src=/img/bb22/640.jpeg>`;
    expect(firstScreenPictures(html)).toEqual(['/img/aa11/640.jpeg', '/img/bb22/640.jpeg']);
  });

  it('leaves out pictures the image service does not serve, and srcset or data-src alone', () => {
    const html =
      '<img src="/logo.svg" alt=""><img src="https://cdn.example/img/x.png" alt="">' +
      '<img srcset="/img/aa11/640.jpeg 640w" alt=""><img data-src="/img/bb22/640.jpeg" alt="">' +
      '<link rel="preload" as="image" href="/img/cc33/640.jpeg">';
    expect(firstScreenPictures(html)).toEqual([]);
  });

  it('finds nothing in a page without pictures', () => {
    expect(firstScreenPictures('<html><body><h1>Your cart is empty</h1></body></html>')).toEqual(
      [],
    );
  });
});
