import { jsonLdText } from '@/lib/seo/json-ld-text';
import type { StructuredData } from '@/lib/seo/structured-data';

/** Structured data for search engines (schema.org, JSON-LD). */
export function JsonLd({ data }: { data: StructuredData }) {
  return (
    <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
  );
}
