import type { ErrorCode } from '@shop/domain';

export interface AppErrorOptions extends ErrorOptions {
  /** Seconds a client should wait before trying again (sent as Retry-After). */
  retryAfterSeconds?: number;
}

/** The one error type use cases throw; `handleErrors` turns it into an HTTP answer. */
export class AppError extends Error {
  readonly retryAfterSeconds: number | undefined;

  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
    options?: AppErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** HTTP status of each error code, in one table. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  PRODUCT_NOT_FOUND: 404,
  ORDER_NOT_FOUND: 404,
  ADDRESS_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  CART_EMPTY: 400,
  OUT_OF_STOCK: 409,
  CART_CHANGED: 409,
  CART_FULL: 409,
  VERSION_CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IMAGE_INVALID: 422,
  IMAGE_TOO_MANY_PIXELS: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_BUSY: 503,
  NOT_READY: 503,
  INTERNAL: 500,
};
