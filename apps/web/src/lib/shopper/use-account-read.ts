import { useCallback, useEffect, useState } from 'react';
import { describeFailure, ShopApiError } from './call-api';
import { refreshUser } from './load-shopper';

export interface AccountRead<T> {
  /** undefined until read (and again while a retry reads). */
  value?: T;
  /** Why the read failed, for the shopper. */
  error?: string;
  retry: () => void;
  /** Changes the value read, after a write of the page's own (a removal). */
  update: (change: (value: T) => T) => void;
}

/**
 * Reads something of the signed-in account in the browser, once per mount (and per retry).
 * `read` must be stable (a module's function). A 401 means the shopper was signed out
 * meanwhile (another tab, the session ended): who is signed in is read again, so the page asks
 * them to sign in instead of showing an error.
 */
export function useAccountRead<T>(read: () => Promise<T>): AccountRead<T> {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    read().then(
      (value) => {
        if (live) setState({ value });
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ShopApiError && error.status === 401) void refreshUser();
        else setState({ error: describeFailure(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [read, attempt]);

  const retry = useCallback(() => {
    setState({});
    setAttempt((n) => n + 1);
  }, []);
  const update = useCallback((change: (value: T) => T) => {
    setState((now) => (now.value === undefined ? now : { value: change(now.value) }));
  }, []);
  return { ...state, retry, update };
}
