import Link from 'next/link';
import { accountHref } from '@/lib/shopper/return-path';
import { StatusPage } from './status-page';

interface Props {
  /** The order's id, when the page knows it (sign-in then comes back to it). */
  id?: string;
  /** Whether the shopper is signed in; undefined when the page cannot know (rendered for all). */
  signedIn?: boolean;
}

/** An order the API does not show this shopper: whose orders show where, and how to get there. */
export function OrderMissing({ id, signedIn }: Props) {
  return (
    <StatusPage
      code="404"
      title="We couldn’t find this order"
      actions={
        <>
          {signedIn ? (
            <Link className="button" href="/orders">
              My orders
            </Link>
          ) : (
            <Link className="button" href={accountHref('/login', id ? `/orders/${id}` : '/orders')}>
              Sign in
            </Link>
          )}
          <Link className="button button-secondary" href="/">
            Continue shopping
          </Link>
        </>
      }
    >
      An order shows to the account that placed it, or to the browser it was placed in.
      {signedIn ? '' : ' If it is yours, sign in to see it.'}
    </StatusPage>
  );
}
