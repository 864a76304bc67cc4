import { Faker, en } from '@faker-js/faker';
import { adjectives, departments, details, uses, virtues } from './catalog-data';

export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  currency: string;
  stock: number;
  categorySlug: string;
  createdAt: Date;
}

/** Catalog dates are spread over the year before this instant, so "newest" is stable. */
const CATALOG_EPOCH = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[’']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Product number `index` (0-based) of the seeded catalog. Each product is seeded on its own
 * index, so product 7 is the same whether the catalog holds 1,000 or 100,000 products.
 */
export function generateProduct(index: number): SeedProduct {
  const faker = new Faker({ locale: en, seed: index + 1 });
  const department = departments[index % departments.length] ?? departments[0];
  if (!department) throw new Error('no departments');
  const pick = <T>(items: T[]) => faker.helpers.arrayElement(items);

  const thing = pick(department.things);
  const name = `${pick(adjectives)} ${pick(department.materials)} ${thing}`;
  const colour = faker.color.human();
  const [low, high] = department.price;
  // Skew towards the cheap end, as real catalogs do, and end prices in .99/.49/.00.
  const whole = Math.round(low + (high - low) * faker.number.float() ** 2);
  const cents = pick([99, 99, 49, 0]);
  const priceCents = Math.max(whole * 100 + cents - (cents ? 100 : 0), 99);
  const stock = faker.number.float() < 0.06 ? 0 : faker.number.int({ min: 1, max: 240 });
  const description =
    `Our ${name.toLowerCase()} in ${colour}, ${pick(virtues)}. ` + `${pick(uses)} ${pick(details)}`;

  return {
    slug: `${slugify(name)}-${index + 1}`,
    name,
    description,
    priceCents,
    currency: 'USD',
    stock,
    categorySlug: department.slug,
    createdAt: new Date(CATALOG_EPOCH - Math.floor(faker.number.float() * YEAR_MS)),
  };
}
