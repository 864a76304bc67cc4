'use client';

import { useEffect } from 'react';
import { publishSearchedWords } from '@/lib/searched-words';

/** Tells the header's search box what this results page searched for, while it is shown. */
export function SearchedWords({ q }: { q: string }) {
  useEffect(() => {
    publishSearchedWords(q);
    return () => publishSearchedWords('');
  }, [q]);
  return null;
}
