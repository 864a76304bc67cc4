// The storefront's settings: read and validated once, here; nothing else reads process.env.
import { parseEnv, url } from '@shop/config';
import { z } from 'zod';

const schema = z.object({
  /** Where server components reach the API: the edge (it routes /api/ to the API replicas). */
  API_INTERNAL_URL: url(),
  /** How long one API call may take before the page gives up and shows the error page. */
  API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  /**
   * The shop's public origin (scheme, host, port), for absolute links: canonical links, Open
   * Graph, structured data, sitemaps. Never taken from a request's Host header: the edge caches
   * pages, so a forged Host would be served to everyone in their links.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })
    .refine((value) => /^https?:\/\/[^/?#]+\/?$/.test(value), 'must be an origin, without a path')
    .transform((value) => new URL(value).origin),
  /**
   * Proves a revalidation request (POST /internal/revalidate) comes from the API; without it
   * the route refuses every request.
   */
  REVALIDATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The edge's purge route; after a revalidation the changed pages are dropped there too. */
  EDGE_PURGE_URL: url().optional(),
});

export type Env = z.infer<typeof schema>;

/**
 * `next build` runs with no API and no API settings (the build must work offline), so nothing
 * may call the API while building; the settings are validated when the server starts.
 */
export const isBuildPhase = process.env.NEXT_PHASE === 'phase-production-build';

/** Undefined only while `next build` runs; a running server fails fast on a bad setting. */
export const env: Env | undefined = isBuildPhase ? undefined : parseEnv(schema, process.env);
