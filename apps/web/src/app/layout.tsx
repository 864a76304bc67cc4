import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { HeartbeatBeacon } from '@/components/event-beacons';
import { MiniCart } from '@/components/mini-cart';
import { NavigationProgress } from '@/components/navigation-progress';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { publicOrigin } from '@/lib/public-url';
import { SHOP_DESCRIPTION, SHOP_NAME, SHOP_OPEN_GRAPH, SHOP_TITLE } from '@/lib/seo/shop';
import './globals.css';

// Relative metadata URLs (canonical links, Open Graph) resolve against the shop's public origin,
// a setting read when the page renders: `next build` has none, and prerenders no page using one.
export function generateMetadata(): Metadata {
  return {
    metadataBase: publicOrigin(),
    title: {
      default: SHOP_TITLE,
      template: `%s · ${SHOP_NAME}`,
    },
    description: SHOP_DESCRIPTION,
    applicationName: SHOP_NAME,
    openGraph: { ...SHOP_OPEN_GRAPH, type: 'website' },
    twitter: { card: 'summary' },
  };
}

export const viewport: Viewport = {
  themeColor: '#ffffff',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <NavigationProgress>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <SiteHeader />
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
          <MiniCart />
          <HeartbeatBeacon />
        </NavigationProgress>
      </body>
    </html>
  );
}
