// A crowd larger than the replicas can serve at once gets fast, honest answers: 200 or 503
// SERVICE_BUSY with Retry-After, never a 500 or the edge's HTML. (How fast is measured by
// `npm run bench:overload`, not here.)
import type { ErrorBody } from '@shop/domain';
import { fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { env } from './env';
import { dispatcherFor, randomClientAddress } from './shopper';

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

async function crowd(paths: string[], clients: number): Promise<Answer[]> {
  const dispatchers = Array.from({ length: clients }, () => dispatcherFor(randomClientAddress()));
  return Promise.all(
    paths.map(async (path, i) => {
      const response = await fetch(`${env.PUBLIC_URL}${path}`, {
        dispatcher: dispatchers[i % clients],
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text, and the assertions below say so
      }
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
    }),
  );
}

describe('overload', () => {
  it('answers 1,000 concurrent catalog reads with 200 or a fast 503 SERVICE_BUSY, never a 500', async () => {
    const categories = (await (await fetch(`${env.PUBLIC_URL}/api/categories`)).json()) as {
      slug: string;
    }[];
    const paths = Array.from({ length: 1_000 }, (_, i) => {
      const category = categories[i % categories.length]?.slug ?? '';
      return `/api/products?category=${category}&page=${1 + (i % 3)}`;
    });
    const answers = await crowd(paths, 100);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    for (const answer of answers.filter((a) => a.status === 503)) {
      expect((answer.body as ErrorBody).error.code).toBe('SERVICE_BUSY');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
  });
});
