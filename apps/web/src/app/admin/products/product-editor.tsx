'use client';

import type { AdminProduct, AuditEntry, Category } from '@shop/domain';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/form-field';
import {
  centsOf,
  createProduct,
  getAudit,
  getCategories,
  getProduct,
  priceText,
  updateProduct,
} from '@/lib/admin/catalog-admin';
import { describeFailure, ShopApiError } from '@/lib/shopper/call-api';
import { fieldProblems } from '@/lib/shopper/field-problems';
import styles from '../admin.module.css';
import { AuditLog } from './audit-log';
import { PictureList, type Picture } from './picture-list';
import { StockForm } from './stock-form';

interface Draft {
  name: string;
  description: string;
  price: string;
  stock: string;
  categorySlug: string;
  pictures: Picture[];
}

const draftOf = (product: AdminProduct): Draft => ({
  name: product.name,
  description: product.description,
  price: priceText(product.priceCents),
  stock: String(product.stock),
  categorySlug: product.category.slug,
  pictures: product.images.map(({ hash, alt }) => ({ hash, alt })),
});

const EMPTY: Draft = {
  name: '',
  description: '',
  price: '',
  stock: '0',
  categorySlug: '',
  pictures: [],
};

/** Create (no id) or edit one product: its fields, pictures, stock and history. */
export function ProductEditor({ id }: { id?: string }) {
  const router = useRouter();
  const [categories, setCategories] = useState<Category[]>([]);
  const [product, setProduct] = useState<AdminProduct | undefined>();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'error' | 'done' | 'conflict'; text: string }>();
  const [loadError, setLoadError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const show = useCallback((loaded: AdminProduct, history: AuditEntry[]) => {
    setProduct(loaded);
    setDraft(draftOf(loaded));
    setAudit(history);
  }, []);
  const reload = () => {
    if (!id) return;
    Promise.all([getProduct(id), getAudit(id)]).then(
      ([loaded, history]) => show(loaded, history),
      (error: unknown) => setLoadError(describeFailure(error)),
    );
  };

  useEffect(() => {
    getCategories().then(setCategories, (error: unknown) => setLoadError(describeFailure(error)));
    if (!id) return;
    Promise.all([getProduct(id), getAudit(id)]).then(
      ([loaded, history]) => show(loaded, history),
      (error: unknown) => setLoadError(describeFailure(error)),
    );
  }, [id, show]);

  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const priceCents = centsOf(draft.price);
    const local: Record<string, string> = {};
    if (priceCents === undefined) local.priceCents = 'Enter a price like 12.99';
    const stock = Number(draft.stock);
    if (!product && (!/^\d+$/.test(draft.stock.trim()) || stock > 1_000_000)) {
      local.stock = 'Enter a whole number of units, 0 or more';
    }
    setErrors(local);
    setStatus(undefined);
    if (Object.keys(local).length > 0 || priceCents === undefined) return;
    const fields = {
      name: draft.name,
      description: draft.description,
      priceCents,
      categorySlug: draft.categorySlug,
      images: draft.pictures.map(({ hash, alt }) => ({ hash, alt })),
    };
    setSaving(true);
    try {
      if (!product) {
        const made = await createProduct({ ...fields, stock });
        router.replace(`/admin/products/${made.id}`);
        return;
      }
      const saved = await updateProduct(product.id, { ...fields, version: product.version });
      setProduct(saved);
      setDraft(draftOf(saved));
      setAudit(await getAudit(saved.id));
      setStatus({
        kind: 'done',
        text: 'Saved. Shoppers see the change within a second or two.',
      });
    } catch (error) {
      if (error instanceof ShopApiError && error.code === 'VERSION_CONFLICT') {
        setStatus({
          kind: 'conflict',
          text: 'Someone else saved this product while you were editing it. Load their version, then make your change again.',
        });
      } else {
        const named = Object.fromEntries(fieldProblems(error).map((p) => [p.field, p.message]));
        setErrors(named);
        setStatus({
          kind: 'error',
          text:
            Object.keys(named).length > 0
              ? 'Some fields need a look; nothing was saved.'
              : describeFailure(error),
        });
      }
    } finally {
      setSaving(false);
    }
  };

  if (loadError) {
    return (
      <p role="alert" className={styles.error}>
        We couldn’t load this product. {loadError}
      </p>
    );
  }
  if (id && !product) {
    return (
      <p className={styles.note} aria-busy="true">
        Loading the product…
      </p>
    );
  }

  const pictureErrors = Object.entries(errors)
    .filter(([field]) => field.startsWith('images'))
    .map(([field, message]) => `${field.replace(/^images\.(\d+)\./, 'Picture $1: ')} ${message}`);

  return (
    <>
      <p className={styles.back}>
        <Link href="/admin/products">← All products</Link>
      </p>
      <div className={styles.head}>
        <h1 className={styles.title}>{product ? product.name : 'New product'}</h1>
        {product ? (
          // Not prefetched: a prefetch would render (and cache) the shop's page before the edit.
          <Link className="button button-secondary" href={`/p/${product.slug}`} prefetch={false}>
            View in the shop
          </Link>
        ) : null}
      </div>
      {product ? (
        <p className={styles.muted}>
          Version {product.version} · /p/{product.slug}
        </p>
      ) : null}

      <div className={styles.editor}>
        <form className={styles.form} onSubmit={save} noValidate data-testid="product-form">
          <TextField
            id="name"
            label="Name"
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
            error={errors.name}
            maxLength={200}
            required
          />
          <TextAreaField
            id="description"
            label="Description"
            rows={6}
            value={draft.description}
            onChange={(e) => set({ description: e.target.value })}
            error={errors.description}
            maxLength={5_000}
          />
          <div className={styles.pair}>
            <TextField
              id="price"
              label="Price (USD)"
              inputMode="decimal"
              value={draft.price}
              onChange={(e) => set({ price: e.target.value })}
              error={errors.priceCents}
              placeholder="12.99"
            />
            {product ? null : (
              <TextField
                id="stock"
                label="Units in stock"
                inputMode="numeric"
                value={draft.stock}
                onChange={(e) => set({ stock: e.target.value })}
                error={errors.stock}
              />
            )}
          </div>
          <SelectField
            id="category"
            label="Department"
            value={draft.categorySlug}
            onChange={(e) => set({ categorySlug: e.target.value })}
            error={errors.categorySlug}
          >
            <option value="" disabled>
              Choose a department
            </option>
            {categories.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </SelectField>

          <PictureList
            pictures={draft.pictures}
            onChange={(pictures) => set({ pictures })}
            problems={pictureErrors}
          />

          {status ? (
            <div
              role={status.kind === 'done' ? 'status' : 'alert'}
              className={status.kind === 'done' ? styles.done : styles.error}
              data-testid="save-status"
            >
              <p>{status.text}</p>
              {status.kind === 'conflict' ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setStatus(undefined);
                    reload();
                  }}
                >
                  Load the latest version
                </button>
              ) : null}
            </div>
          ) : null}
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={saving}>
              {saving ? 'Saving…' : product ? 'Save changes' : 'Create product'}
            </button>
          </div>
        </form>

        {product ? (
          <aside className={styles.side}>
            <StockForm
              product={product}
              onAdjusted={async (adjusted) => {
                setProduct(adjusted);
                setAudit(await getAudit(adjusted.id));
              }}
            />
            <AuditLog entries={audit} />
          </aside>
        ) : null}
      </div>
    </>
  );
}
