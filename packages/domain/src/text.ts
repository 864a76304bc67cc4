import { z } from 'zod';

/**
 * A line of text people type: trimmed, within bounds, and free of control characters (which
 * Postgres refuses, in the case of NUL, and nobody means to send).
 */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max, { abort: true })
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
