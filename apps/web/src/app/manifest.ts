// /manifest.webmanifest — the shop as an installable web app: name, colours, icon
import type { MetadataRoute } from 'next';
import { SHOP_DESCRIPTION, SHOP_NAME, SHOP_TITLE } from '@/lib/seo/shop';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: SHOP_TITLE,
    short_name: SHOP_NAME,
    description: SHOP_DESCRIPTION,
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // globals.css: --color-bg behind the splash screen, the header's --color-surface (as the
    // layout's theme-color) for the browser's bar.
    background_color: '#faf8f5',
    theme_color: '#ffffff',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
}
