import 'server-only';
import { errorBody } from '@shop/domain';
import type { z } from 'zod';
import { env } from '@/env';
import { ApiError } from './api-error';
import { REVALIDATE_SECONDS } from './cache-tags';

/**
 * GETs one API resource through the edge and checks it against the contract's schema.
 * Answers are kept in Next's data cache for REVALIDATE_SECONDS under `tags`, so replicas of the
 * storefront share the API's load only once a minute per resource, and a tag revalidation drops
 * them early. Returns null on 404 (callers turn that into notFound()); throws ApiError otherwise.
 *
 * No per-request headers are sent (not even X-Request-Id): Next keys its data cache on the
 * request headers, so a per-request header would turn every cached read into a miss.
 */
export async function fetchApi<T>(
  path: string,
  schema: z.ZodType<T>,
  tags: string[],
): Promise<T | null> {
  if (!env) {
    throw new Error(`GET ${path}: the storefront must not call the API while \`next build\` runs`);
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, env.API_INTERNAL_URL), {
      headers: { accept: 'application/json' },
      next: { revalidate: REVALIDATE_SECONDS, tags },
      signal: AbortSignal.timeout(env.API_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(`GET ${path}: no answer from the API`, 0, undefined, { cause });
  }
  if (response.status === 404) return null;
  if (!response.ok) {
    const body = errorBody.safeParse(await response.json().catch(() => null));
    const code = body.success ? body.data.error.code : undefined;
    const detail = body.success ? `: ${body.data.error.message}` : '';
    throw new ApiError(
      `GET ${path}: API answered ${response.status}${detail}`,
      response.status,
      code,
    );
  }
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      `GET ${path}: answer does not match the contract`,
      response.status,
      undefined,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
