import type { DbReader } from '@shop/db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A product's department rarely changes; a changed one is read again after this long. */
const KEEP_MS = 5 * 60_000;

/**
 * Which department each product is in, read from the replica and kept in memory: the per-category
 * lists need it, and an id that names no product (a made-up beacon) is found out here.
 */
export class ProductCategories {
  readonly #known = new Map<string, { slug: string | null; until: number }>();

  constructor(private readonly reader: () => DbReader) {}

  /** Each id's category slug, or null for an id that is no product. */
  async resolve(ids: Iterable<string>, now = Date.now()): Promise<Map<string, string | null>> {
    const wanted = new Set(ids);
    const missing = [...wanted].filter((id) => {
      const known = this.#known.get(id);
      return !known || known.until < now;
    });
    const valid = missing.filter((id) => UUID.test(id));
    for (const id of missing) this.#known.set(id, { slug: null, until: now + KEEP_MS });
    for (let i = 0; i < valid.length; i += 1_000) {
      const rows = await this.reader().product.findMany({
        where: { id: { in: valid.slice(i, i + 1_000) } },
        select: { id: true, category: { select: { slug: true } } },
      });
      for (const row of rows)
        this.#known.set(row.id, { slug: row.category.slug, until: now + KEEP_MS });
    }
    return new Map([...wanted].map((id) => [id, this.#known.get(id)?.slug ?? null]));
  }
}
