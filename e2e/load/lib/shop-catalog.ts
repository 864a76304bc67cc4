// What a run needs from the shop before any load: that it answers, and what there is to shop for.
// Both the load runner (run.ts) and the ladder (ladder.ts) ask it this way.

/** A problem with what the run was given (its options, the shop it points at): exit code 2. */
export class InputError extends Error {}

/** Departments, products in stock, and pages browser shoppers land on from outside. */
export interface Catalog {
  categories: string[];
  products: { slug: string; id: string; inStock: boolean }[];
  landings: string[];
}

/**
 * The shop must answer before anything starts: a run against nothing measures nothing. `hint`
 * says what to do about it.
 */
export async function checkTarget(
  target: string,
  hint = 'start it with `npm start`, or pass --target',
): Promise<void> {
  const answer = await fetch(`${target}/api/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(
    (error: Error) => error,
  );
  if (answer instanceof Error) {
    const reason = answer.cause instanceof Error ? answer.cause.message : answer.message;
    throw new InputError(`the shop does not answer at ${target} (${reason}): ${hint}`);
  }
  if (!answer.ok) {
    throw new InputError(
      `the shop at ${target} is not ready (GET /api/readyz answered ${answer.status})`,
    );
  }
}

async function getJson<T>(target: string, path: string): Promise<T> {
  const response = await fetch(`${target}${path}`);
  if (!response.ok) throw new InputError(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** The catalog shoppers pick from: up to 500 products in stock and the filled departments. */
export async function readCatalog(target: string): Promise<Catalog> {
  const categories = await getJson<{ slug: string; productCount: number }[]>(
    target,
    '/api/categories',
  );
  const products: Catalog['products'] = [];
  for (let page = 1; page <= 5; page++) {
    const { items } = await getJson<{ items: Catalog['products'] }>(
      target,
      `/api/products?pageSize=100&page=${page}`,
    );
    products.push(...items.filter((item) => item.inStock));
    if (items.length < 100) break;
  }
  const filled = categories.filter((c) => c.productCount > 0).map((c) => c.slug);
  if (filled.length === 0 || products.length === 0)
    throw new InputError(`the shop at ${target} has no products to shop for`);
  const landings = [
    ...filled.slice(0, 6).map((slug) => `/c/${slug}`),
    ...products.slice(0, 12).map((p) => `/p/${p.slug}`),
  ];
  return { categories: filled, products, landings };
}

/** The protocol side's payload: one `slug,id` line per product in stock. */
export function productsCsv(catalog: Catalog): string {
  return catalog.products.map((p) => `${p.slug},${p.id}`).join('\n');
}
