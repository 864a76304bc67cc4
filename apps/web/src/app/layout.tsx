import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { HeartbeatBeacon } from '@/components/event-beacons';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: {
    default: 'Shopscale — everyday goods, well made',
    template: '%s · Shopscale',
  },
  description:
    'Kitchenware, home goods, apparel, books and more: a modern shop that is also a working reference for how a web site scales.',
  applicationName: 'Shopscale',
};

export const viewport: Viewport = {
  themeColor: '#ffffff',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <HeartbeatBeacon />
      </body>
    </html>
  );
}
