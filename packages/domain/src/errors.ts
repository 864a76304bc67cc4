import { z } from 'zod';

/** The fixed set of error codes the API answers with; the same words API.md uses. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'NOT_READY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;
