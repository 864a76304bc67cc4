import type { CSSProperties } from 'react';

/** FNV-1a: a small, stable string hash, so a slug always gets the same colours. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The colours of a placeholder tile, derived from a slug: two soft neighbouring hues and a deep
 * ink of the first for the initial. Returned as CSS custom properties for the tile's stylesheet.
 */
export function tilePalette(slug: string): CSSProperties {
  const h = hash(slug);
  const hue = h % 360;
  const hue2 = (hue + 24 + ((h >>> 9) % 56)) % 360;
  const angle = 115 + ((h >>> 17) % 100);
  return {
    '--tile-from': `hsl(${hue} 70% 88%)`,
    '--tile-to': `hsl(${hue2} 62% 74%)`,
    '--tile-ink': `hsl(${hue} 42% 26%)`,
    '--tile-angle': `${angle}deg`,
  } as CSSProperties;
}
