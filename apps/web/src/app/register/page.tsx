// /register — create an account, then back to the page the shopper came from (?next=).
// Rendered per request (it reads the query), so the edge never caches it.
import type { Metadata } from 'next';
import { safeReturnPath } from '@/lib/shopper/return-path';
import { AccountForm } from '@/components/account-form';

export const metadata: Metadata = {
  title: 'Create an account',
  robots: { index: false },
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RegisterPage({ searchParams }: Props) {
  const { next } = await searchParams;
  return (
    <div className="container page">
      <AccountForm mode="register" returnTo={safeReturnPath(next)} />
    </div>
  );
}
