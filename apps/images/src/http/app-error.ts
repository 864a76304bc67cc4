import type { ErrorCode } from '@shop/domain';

/**
 * The codes this service answers with: the shared ones it uses, plus two of its own that
 * @shop/domain does not list yet (IMAGE_INVALID, IMAGE_TOO_MANY_PIXELS).
 */
export type ImageErrorCode = Extract<
  ErrorCode,
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CROSS_SITE_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'NOT_READY'
  | 'INTERNAL'
  | 'IMAGE_INVALID'
  | 'IMAGE_TOO_MANY_PIXELS'
>;

/** The error body of API.md, with this service's codes. */
export interface ErrorBody {
  error: { code: ImageErrorCode; message: string; details?: unknown };
}

/** The one error type use cases throw; `handle-errors.ts` turns it into an HTTP answer. */
export class AppError extends Error {
  constructor(
    public readonly code: ImageErrorCode,
    message: string,
    public readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/** HTTP status of each error code, in one table. */
export const statusOf: Record<ImageErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_INVALID: 422,
  IMAGE_TOO_MANY_PIXELS: 422,
  NOT_READY: 503,
  INTERNAL: 500,
};
