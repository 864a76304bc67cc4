import type { AdminProduct, ErrorBody, ProductPage } from '@shop/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type Shopper, signedIn } from './shopper';
import { api } from './stack';

// Search through the edge (GET /api/products?q=): the products holding every word, a typo
// corrected to the shop's word most like it, filters and sorts, bad input named.

const PRODUCTS = '/api/admin/products';
const CATEGORY = 'kitchen';

/** A made-up word of 8 letters no other product holds (a new one each run). */
function madeUpWord(): string {
  const syllables = ['ka', 'lo', 'mi', 'ru', 'te', 'so', 'vi', 'na', 'pe', 'du'];
  return Array.from({ length: 4 }, () => syllables[Math.floor(Math.random() * 10)]).join('');
}

const word = madeUpWord();
let admin: Shopper;
let made: AdminProduct[] = [];

async function search(query: string): Promise<ProductPage> {
  const response = await api(`/api/products?${query}`);
  expect(response.status, query).toBe(200);
  return (await response.json()) as ProductPage;
}

beforeAll(async () => {
  admin = await signedIn(ADMIN);
  const create = async (name: string, description: string, priceCents: number) => {
    const reply = await admin.post<{ product: AdminProduct }>(PRODUCTS, {
      name,
      description,
      priceCents,
      stock: 0,
      categorySlug: CATEGORY,
      images: [],
    });
    expect(reply.status).toBe(201);
    return reply.body.product;
  };
  made = [
    await create(`${word} Enamel Kettle`, 'A kettle for the stove.', 4_500),
    // Holds the word in its description only: ranked after the one named so.
    await create('Plain Enamel Kettle', `Pairs well with the ${word} kettle.`, 3_900),
  ];
});

afterAll(async () => {
  // Renamed, so later runs' searches for other made-up words are not crowded by these.
  for (const product of made) {
    await admin.call('PATCH', `${PRODUCTS}/${product.id}`, {
      version: product.version,
      name: `Retired Test Kettle ${product.id.slice(-6)}`,
      description: 'Retired.',
    });
  }
});

describe('search', () => {
  it('finds the products holding every word, a match in the name before one in the description', async () => {
    const page = await search(`q=${word}%20kettle`);
    expect(page.items.map((item) => item.id)).toEqual(made.map((product) => product.id));
    expect(page.total).toBe(2);
    expect(page.searchedInstead).toBeUndefined();
  });

  it('takes the last word as a prefix, as it is typed', async () => {
    const page = await search(`q=kettle%20${word.slice(0, 5)}`);
    expect(page.items.map((item) => item.id)).toEqual(made.map((product) => product.id));
  });

  it('corrects a typo to the word most like it, and says what it searched for instead', async () => {
    // The third letter typed twice.
    const typo = word.slice(0, 3) + word.slice(2);
    const page = await search(`q=${typo}%20enamel`);
    expect(page.searchedInstead).toBe(`${word} enamel`);
    expect(page.items.map((item) => item.id)).toEqual(made.map((product) => product.id));
  });

  it('filters by category and sorts by price', async () => {
    const page = await search(`q=${word}&category=${CATEGORY}&sort=price_asc`);
    expect(page.items.map((item) => item.priceCents)).toEqual([3_900, 4_500]);
    const elsewhere = await search(`q=${word}&category=electronics`);
    expect(elsewhere).toMatchObject({ items: [], total: 0 });
  });

  it('answers a page past the end with no items and the total', async () => {
    const page = await search(`q=${word}&page=2&pageSize=2`);
    expect(page).toMatchObject({ items: [], total: 2, page: 2 });
  });

  it('finds nothing for punctuation alone, and treats a blank search as none', async () => {
    expect(await search('q=%21%26%7C%3A*')).toMatchObject({ items: [], total: 0 });
    const blank = await search('q=%20%20&pageSize=1');
    expect(blank.total).toBeGreaterThan(2);
  });

  it('answers bad input 400 naming the field', async () => {
    const cases: [string, string, string][] = [
      ['sort=relevance', 'sort', 'relevance needs a search'],
      [`q=${word}&sort=popular`, 'sort', 'no popular order for results'],
      [`q=${'a'.repeat(101)}`, 'q', 'over 100 characters'],
    ];
    for (const [query, field, why] of cases) {
      const response = await api(`/api/products?${query}`);
      expect(response.status, why).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(JSON.stringify(body.error.details), why).toContain(`"field":"${field}"`);
    }
    const unknown = await api(`/api/products?q=${word}&category=no-such-category`);
    expect(unknown.status).toBe(404);
  });

  // Last: it renames the first product.
  it('finds a product by the words it was given in an edit', async () => {
    const renamed = madeUpWord();
    const product = made[0] as AdminProduct;
    const reply = await admin.call<{ product: AdminProduct }>(
      'PATCH',
      `${PRODUCTS}/${product.id}`,
      {
        version: product.version,
        name: `${renamed} Enamel Kettle`,
      },
    );
    expect(reply.status).toBe(200);
    made[0] = reply.body.product;
    const page = await search(`q=${renamed}`);
    expect(page.items.map((item) => item.id)).toEqual([product.id]);
    // Its new word is known, so a typo of it is corrected too.
    const typo = await search(`q=${renamed.slice(0, 3) + renamed.slice(2)}`);
    expect(typo.items.map((item) => item.id)).toEqual([product.id]);
  });
});
