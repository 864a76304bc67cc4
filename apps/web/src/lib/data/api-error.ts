/** An API call that failed for a reason other than "not found"; the error page catches it. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when no answer came back (refused, timed out). */
    readonly status: number,
    /** The API's error code when it sent one, e.g. `VALIDATION_FAILED`. */
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }
}
