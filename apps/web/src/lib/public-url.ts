import 'server-only';
import { env } from '@/env';

/**
 * The shop's public origin (PUBLIC_URL), for metadata's `metadataBase`; undefined only while
 * `next build` runs, which renders no page that needs it.
 */
export function publicOrigin(): URL | undefined {
  return env ? new URL(env.PUBLIC_URL) : undefined;
}

/** The absolute address of one of the shop's paths, e.g. `/p/oak-desk` → `https://shop…/p/oak-desk`. */
export function absoluteUrl(path: string): string {
  const origin = publicOrigin();
  if (!origin) throw new Error(`${path}: no absolute address while \`next build\` runs`);
  return new URL(path, origin).href;
}
