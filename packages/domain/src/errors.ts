import { z } from 'zod';

/** The fixed set of error codes the API answers with; the same words docs/API.md uses. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'PRODUCT_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'ADDRESS_NOT_FOUND',
  'EMAIL_TAKEN',
  'INVALID_CREDENTIALS',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CROSS_SITE_REQUEST',
  'CART_EMPTY',
  'OUT_OF_STOCK',
  'CART_CHANGED',
  'CART_FULL',
  'VERSION_CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'IMAGE_INVALID',
  'IMAGE_TOO_MANY_PIXELS',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'SERVICE_BUSY',
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
