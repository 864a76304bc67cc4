/**
 * Structured data as the text of a `<script type="application/ld+json">`. Names and descriptions
 * are typed by admins, so `<` is escaped (`\u003c`, the same string to a JSON parser): the text
 * can then never close the script element (`</script>`) or open a comment.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
