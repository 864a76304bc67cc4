// Seeds the catalog: departments, then SEED_PRODUCTS products in batches, with progress.
// Idempotent: categories are upserted by slug and products skipped when their slug exists.
import { createDb } from '@shop/db';
import { hashPassword } from '@shop/passwords';
import { departments } from './catalog-data';
import { env } from './env';
import { generateProduct } from './generate-catalog';

const BATCH = 1_000;

/** Documented in the README: a shopper to try the shop with, and an admin for catalog work. */
const demoAccounts = [
  {
    email: 'demo@shopscale.test',
    password: 'demo-shopper-2026',
    name: 'Dana Demo',
    role: 'customer',
  },
  {
    email: 'admin@shopscale.test',
    password: 'admin-catalog-2026',
    name: 'Alex Admin',
    role: 'admin',
  },
] as const;
const log = (line: string) => process.stderr.write(`[seed] ${line}\n`);

const db = createDb({ primaryUrl: env.DATABASE_URL, applicationName: 'shop-seed' });
const started = performance.now();
try {
  const categoryIds = new Map<string, string>();
  for (const [position, department] of departments.entries()) {
    const category = await db.primary.category.upsert({
      where: { slug: department.slug },
      update: { name: department.name, position },
      create: { slug: department.slug, name: department.name, position },
      select: { id: true },
    });
    categoryIds.set(department.slug, category.id);
  }

  const existing = await db.primary.product.count();
  if (existing >= env.SEED_PRODUCTS) {
    log(`catalog already holds ${existing} products (wanted ${env.SEED_PRODUCTS}); nothing to do`);
  } else {
    let inserted = 0;
    for (let start = 0; start < env.SEED_PRODUCTS; start += BATCH) {
      const end = Math.min(start + BATCH, env.SEED_PRODUCTS);
      const data = [];
      for (let index = start; index < end; index++) {
        const { categorySlug, ...product } = generateProduct(index);
        const categoryId = categoryIds.get(categorySlug);
        if (!categoryId) throw new Error(`unknown category ${categorySlug}`);
        data.push({ ...product, categoryId, updatedAt: product.createdAt });
      }
      const result = await db.primary.product.createMany({ data, skipDuplicates: true });
      inserted += result.count;
      log(`products ${end}/${env.SEED_PRODUCTS} (${inserted} new)`);
    }
  }
  for (const account of demoAccounts) {
    const existing = await db.primary.user.findUnique({ where: { email: account.email } });
    if (!existing) {
      const { password, ...data } = account;
      await db.primary.user.create({
        data: { ...data, passwordHash: await hashPassword(password) },
      });
      log(`account ${account.email} (${account.role}) created`);
    }
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `done in ${seconds} s: ${departments.length} categories, ${await db.primary.product.count()} products`,
  );
} finally {
  await db.close();
}
