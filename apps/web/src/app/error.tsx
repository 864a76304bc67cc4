'use client';

import Link from 'next/link';
import { StatusPage } from '@/components/status-page';

interface Props {
  error: unknown;
  /** Re-fetches and re-renders the failed segment. */
  retry: () => void;
}

/** Shown when a page could not be built, usually because the API did not answer in time. */
export default function ErrorPage({ error, retry }: Props) {
  const digest =
    error instanceof Error && 'digest' in error && typeof error.digest === 'string'
      ? error.digest
      : null;
  return (
    <>
      <title>Something went wrong · Shopscale</title>
      <StatusPage
        code="Oops"
        title="Something went wrong on our side"
        actions={
          <>
            <button type="button" className="button" onClick={() => retry()}>
              Try again
            </button>
            <Link className="button button-secondary" href="/">
              Back to the home page
            </Link>
          </>
        }
        footnote={digest ? `Reference: ${digest}` : undefined}
      >
        We couldn’t load this page just now. It’s usually brief — please try again in a moment.
      </StatusPage>
    </>
  );
}
