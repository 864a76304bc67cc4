// An admin's edits of the catalog: create, update (against the version edited) and stock
// adjustments, each in one transaction on the primary with its line in the audit log.
import { randomInt } from 'node:crypto';
import { Prisma, type Db } from '@shop/db';
import type {
  AdminProduct,
  AdminProductCreate,
  AdminProductPatch,
  StockAdjustment,
} from '@shop/domain';
import { AppError } from '@shop/http';
import type { CatalogChange } from '../cache/catalog-cache';
import type { ImageService } from './image-service';
import { adminProductInclude, editableFields, toAdminProduct } from './to-admin-product';

export interface EditDeps {
  db: Db;
  images: ImageService;
}

type Tx = Prisma.TransactionClient;
type Fields = ReturnType<typeof editableFields>;
type Row = Parameters<typeof toAdminProduct>[0];

/** The product as edited, and what the caches must drop: its page and its category's listings. */
export interface Edited {
  product: AdminProduct;
  change: CatalogChange;
}

function edited(after: Row, before: Row | null = after): Edited {
  const categories = new Set([before?.category.slug ?? after.category.slug, after.category.slug]);
  return {
    product: toAdminProduct(after),
    change: {
      products: [after.slug],
      categories: [...categories],
      recounted: before === null || categories.size > 1,
    },
  };
}

const invalid = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `Invalid body parameter: ${field}`, {
    fields: [{ field, message }],
  });

async function categoryIdOf(tx: Tx, slug: string): Promise<string> {
  const category = await tx.category.findUnique({ where: { slug }, select: { id: true } });
  if (!category) throw invalid('categorySlug', `no category '${slug}'`);
  return category.id;
}

/** The pictures as product rows keep them, each checked with the image service. */
async function picturesOf(deps: EditDeps, images: AdminProductCreate['images']) {
  const sizes = await deps.images.sizesOf(images.map((image) => image.hash));
  return images.map((image, position) => {
    const size = sizes.get(image.hash);
    if (!size) throw invalid(`images.${position}.hash`, 'no uploaded image has this hash');
    return { position, hash: image.hash, alt: image.alt, ...size };
  });
}

/** A URL name from the product's name: lowercase words and a number, e.g. `oak-desk-4821`. */
function slugFor(name: string): string {
  const words = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return `${words || 'product'}-${randomInt(1_000, 100_000)}`;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

export async function createProduct(
  deps: EditDeps,
  actorId: string,
  input: AdminProductCreate,
): Promise<Edited> {
  const pictures = await picturesOf(deps, input.images);
  // A slug taken already (the same name, the same number) is drawn again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.primary.$transaction(async (tx) => {
        const row = await tx.product.create({
          data: {
            slug: slugFor(input.name),
            name: input.name,
            description: input.description,
            priceCents: input.priceCents,
            stock: input.stock,
            categoryId: await categoryIdOf(tx, input.categorySlug),
            images: { create: pictures },
          },
          include: adminProductInclude,
        });
        await audit(tx, row.id, actorId, 'create', null, editableFields(row));
        return edited(row, null);
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === 3) throw error;
    }
  }
}

export async function updateProduct(
  deps: EditDeps,
  actorId: string,
  id: string,
  patch: AdminProductPatch,
): Promise<Edited> {
  const { version, images, categorySlug, ...plain } = patch;
  if (Object.keys(patch).length === 1) throw invalid('body', 'names no field to change');
  const pictures = images === undefined ? undefined : await picturesOf(deps, images);
  return deps.db.primary.$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id }, include: adminProductInclude });
    if (!before) throw new AppError('PRODUCT_NOT_FOUND', `No product ${id}`, { field: 'id' });
    // Only a row still at the version the admin edited changes: of two concurrent edits of one
    // version, the second waits for the first's row lock, then finds the version moved on.
    const { count } = await tx.product.updateMany({
      where: { id, version },
      data: {
        ...plain,
        ...(categorySlug === undefined ? {} : { categoryId: await categoryIdOf(tx, categorySlug) }),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      // The version it moved on to, committed by the edit that won (a statement of its own
      // sees it, though this transaction began before).
      const now = await tx.product.findUnique({ where: { id }, select: { version: true } });
      throw conflict(now?.version ?? before.version, version);
    }
    if (pictures) {
      await tx.productImage.deleteMany({ where: { productId: id } });
      await tx.productImage.createMany({
        data: pictures.map((picture) => ({ productId: id, ...picture })),
      });
    }
    const after = await tx.product.findUniqueOrThrow({
      where: { id },
      include: adminProductInclude,
    });
    const changed = changes(editableFields(before), editableFields(after));
    await audit(tx, id, actorId, 'update', changed.before, changed.after);
    return edited(after, before);
  });
}

export async function adjustStock(
  deps: EditDeps,
  actorId: string,
  id: string,
  adjustment: StockAdjustment,
): Promise<Edited> {
  return deps.db.primary.$transaction(async (tx) => {
    // One statement: adjustments (and checkouts) running at once all count; stock never < 0.
    const rows = await tx.$queryRaw<{ stock: number }[]>`
      UPDATE products SET stock = stock + ${adjustment.delta}, version = version + 1,
        updated_at = now()
      WHERE id = ${id}::uuid AND stock + ${adjustment.delta} >= 0
      RETURNING stock`;
    const after = await tx.product.findUnique({ where: { id }, include: adminProductInclude });
    if (!after) throw new AppError('PRODUCT_NOT_FOUND', `No product ${id}`, { field: 'id' });
    const [row] = rows;
    if (!row) {
      throw invalid('delta', `would leave the stock below zero (it is ${after.stock})`);
    }
    await audit(
      tx,
      id,
      actorId,
      'stock',
      { stock: row.stock - adjustment.delta },
      { stock: row.stock, reason: adjustment.reason },
    );
    return edited(after);
  });
}

function conflict(current: number, edited: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `The product changed since version ${edited}; it is at version ${current} now`,
    { field: 'version', currentVersion: current },
  );
}

/** Only the fields that changed, before and after. */
function changes(before: Fields, after: Fields) {
  const keys = (Object.keys(after) as (keyof Fields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
  };
}

async function audit(
  tx: Tx,
  productId: string,
  actorId: string,
  action: 'create' | 'update' | 'stock',
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<void> {
  await tx.productAudit.create({
    data: {
      productId,
      actorId,
      action,
      before: before === null ? Prisma.DbNull : (before as Prisma.InputJsonObject),
      after: after as Prisma.InputJsonObject,
    },
  });
}
