// Gives every product without pictures 1–4 generated ones (most one, four in ten several, so the
// product page's gallery has something to show), uploaded through the image service's own upload
// endpoint (as the seeded admin) so seeding takes the same path as a real upload. Products past
// SEED_NAMED_PICTURES take theirs from a small shared pool (drawn with their initial, without a
// name), so a big catalog does not need a render and an upload per product.
// Idempotent: products that have images are skipped, and identical bytes share one object.
import { createDb, type Prisma } from '@shop/db';
import sharp from 'sharp';
import { loadImagesEnv } from './env';
import { drawProductImage } from './draw-product-image';

const env = loadImagesEnv();
const CONCURRENCY = 4;
/** Originals are 800 px squares: enough for every card and the product page on most screens. */
const ORIGINAL_SIZE = 800;
const log = (line: string) => process.stderr.write(`[seed:images] ${line}\n`);

async function signInAsAdmin(): Promise<string> {
  const response = await fetch(`${env.PUBLIC_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: env.SEED_ADMIN_EMAIL, password: env.SEED_ADMIN_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`admin sign-in failed: ${response.status}`);
  return cookie;
}

interface Stored {
  hash: string;
  width: number;
  height: number;
}

async function upload(cookie: string, bytes: Buffer): Promise<Stored> {
  const response = await fetch(`${env.PUBLIC_URL}/img`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie },
    body: bytes,
  });
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as Stored;
}

/** Compositions in the shared pool, per initial. */
const POOL = 20;
/** Picture rows written per statement. */
const ROWS_PER_INSERT = 1_000;

/** 1 picture for most products; 2 for two in ten, 3 and 4 for one in ten each; fixed per product. */
const viewsOf = (index: number) => [4, 3, 2, 2, 1, 1, 1, 1, 1, 1][index % 10] ?? 1;

/** The letter a product's picture shows: the initial of the last word of its name. */
const initialOf = (name: string) => name.split(' ').at(-1)?.charAt(0) ?? name.charAt(0);

const db = createDb({ primaryUrl: env.DATABASE_URL, applicationName: 'shop-seed-images' });
const started = performance.now();
try {
  // Started beside the seed (a swarm has no start order), it waits for the catalog: failing,
  // it is started again, where "nothing to do" would end it for good.
  if ((await db.primary.product.count()) === 0) {
    throw new Error('the catalog has no products yet: the seed (npm run seed) comes first');
  }
  const products = await db.primary.product.findMany({
    where: { images: { none: {} } },
    select: { id: true, slug: true, name: true },
    orderBy: { slug: 'asc' },
  });
  if (products.length === 0) {
    log('every product has pictures; nothing to do');
  } else {
    const cookie = await signInAsAdmin();
    const render = async (svg: string) =>
      upload(cookie, await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer());
    // The shared pictures, each drawn and uploaded once (by whoever needs it first).
    const shared = new Map<string, Promise<Stored>>();
    const sharedPicture = (index: number, initial: string) => {
      const composition = index % POOL;
      const key = `${composition}:${initial}`;
      let stored = shared.get(key);
      if (!stored) {
        stored = render(drawProductImage(composition, 0, initial, ORIGINAL_SIZE, false));
        shared.set(key, stored);
      }
      return stored;
    };
    let rows: Prisma.ProductImageCreateManyInput[] = [];
    const flush = async () => {
      const batch = rows;
      rows = [];
      if (batch.length > 0) {
        await db.primary.productImage.createMany({ data: batch, skipDuplicates: true });
      }
    };
    let done = 0;
    const queue = [...products];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let product = queue.shift(); product; product = queue.shift()) {
          const index = Number(/-(\d+)$/.exec(product.slug)?.[1] ?? 1) - 1;
          const named = index < env.SEED_NAMED_PICTURES;
          const views = viewsOf(index);
          for (let view = 0; view < views; view++) {
            // A product's further views from the pool are its neighbours' compositions.
            const stored = named
              ? await render(drawProductImage(index, view, product.name, ORIGINAL_SIZE))
              : await sharedPicture(index + view, initialOf(product.name));
            rows.push({
              productId: product.id,
              position: view,
              hash: stored.hash,
              width: stored.width,
              height: stored.height,
              alt: view === 0 ? product.name : `${product.name}, view ${view + 1}`,
            });
          }
          if (rows.length >= ROWS_PER_INSERT) await flush();
          done++;
          if (done % (products.length > 10_000 ? 5_000 : 100) === 0 || done === products.length)
            log(`products ${done}/${products.length}`);
        }
      }),
    );
    await flush();
    log(`${shared.size} shared pictures`);
    // Every product row was written twice (created, then given its cover by the pictures'
    // trigger), which leaves the table's pages not all-visible: the listings' index-only scans
    // would visit the table for every row they skip until autovacuum comes by. Done now instead.
    const vacuumStarted = performance.now();
    await db.primary.$executeRawUnsafe('VACUUM (ANALYZE) products, product_images, categories');
    log(`vacuumed the catalog in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.close();
}
