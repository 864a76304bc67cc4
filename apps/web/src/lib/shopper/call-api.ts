import type { ErrorCode } from '@shop/domain';

// The browser's side of the shopper API (/api/cart, /api/auth, /api/session, /api/orders): same-origin
// fetches that carry the HttpOnly session cookie. Only client components use it; server
// components never call these endpoints (their pages would stop being the same for everyone).

/** The API's error codes, plus what the browser itself saw when no API answer came back. */
export type ShopErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED';

/** A failed call: the API's `{error: {code, message, details}}`, or a network failure. */
export class ShopApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer came back (offline, refused, timed out). */
    readonly status: number,
    readonly code: ShopErrorCode,
    readonly details?: unknown,
    /** Seconds from the Retry-After header, when the API sent one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ShopApiError';
  }

  /**
   * True when the request may never have reached the API, or the API could not finish it: no
   * answer at all, or the edge's 502/503/504. Safe requests can simply be sent again.
   */
  get transient(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The request may be sent again when the answer is lost or the edge reports a replica down:
   * reads, absolute writes (PATCH, DELETE), logout, and a checkout under the same
   * Idempotency-Key. A POST that adds to something must not be repeated blindly.
   */
  retry?: boolean;
}

const ATTEMPTS = 4;
const TIMEOUT_MS = 20_000;
const NETWORK_MESSAGE = 'We couldn’t reach the shop. Check your connection and try again.';

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

async function errorFrom(response: Response): Promise<ShopApiError> {
  const body: unknown = await response.json().catch(() => null);
  const error =
    body &&
    typeof body === 'object' &&
    'error' in body &&
    body.error &&
    typeof body.error === 'object'
      ? (body.error as { code?: unknown; message?: unknown; details?: unknown })
      : null;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ShopApiError(
      error.message,
      response.status,
      error.code as ErrorCode,
      error.details,
      retryAfter(response),
    );
  }
  // Not the API's own answer: the edge saying no replica could take the request, or similar.
  return new ShopApiError(
    response.status >= 500
      ? 'The shop is having a moment. Please try again.'
      : `Unexpected answer (${response.status}).`,
    response.status,
    'UNEXPECTED',
    undefined,
    retryAfter(response),
  );
}

async function attempt<T>(path: string, options: CallOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new ShopApiError(NETWORK_MESSAGE, 0, 'NETWORK');
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw new ShopApiError(
      'The shop sent an answer we could not read.',
      response.status,
      'UNEXPECTED',
    );
  }
}

/**
 * Calls the API from the browser and returns its JSON (undefined for 204). Throws ShopApiError.
 * With `retry`, a transient failure is tried again up to three times, after growing pauses
 * (0.3, 0.9, 2.7 s, or the Retry-After the API asked for, up to 3 s), so an API replica going
 * away mid-visit goes unnoticed.
 */
export async function callApi<T>(path: string, options: CallOptions = {}): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt<T>(path, options);
    } catch (error) {
      if (!options.retry || n >= ATTEMPTS || !(error instanceof ShopApiError) || !error.transient) {
        throw error;
      }
      await wait(Math.min(3_000, (error.retryAfterSeconds ?? 0) * 1000 || 300 * 3 ** (n - 1)));
    }
  }
}

/** What to tell the shopper about a failure nobody could fix by changing the form. */
export function describeFailure(error: unknown): string {
  if (error instanceof ShopApiError) {
    if (error.code === 'NETWORK') return NETWORK_MESSAGE;
    if (error.code === 'RATE_LIMITED') {
      const wait = error.retryAfterSeconds;
      return wait
        ? `Too many tries. Please wait ${wait < 90 ? `${Math.ceil(wait)} seconds` : `${Math.ceil(wait / 60)} minutes`} and try again.`
        : 'Too many tries. Please wait a little and try again.';
    }
    if (error.status >= 500) return 'The shop is having a moment. Please try again.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
