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

const MARKUP_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text safe as HTML or XML text or attribute value: names, addresses and descriptions come from
 * shoppers and admins.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => MARKUP_ESCAPES[c] ?? c);
}
