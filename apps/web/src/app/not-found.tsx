import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusPage } from '@/components/status-page';

export const metadata: Metadata = {
  title: 'Page not found',
};

/** Unknown addresses, and unknown category or product slugs (notFound()), land here with a 404. */
export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="We couldn’t find that page"
      actions={
        <>
          <Link className="button" href="/">
            Back to the home page
          </Link>
          <Link className="button button-secondary" href="/#new-arrivals">
            Continue shopping
          </Link>
        </>
      }
    >
      The product or category may have moved or sold out for good, or the address has a typo.
      Everything else is still here.
    </StatusPage>
  );
}
