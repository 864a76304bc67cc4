'use client';

import { formatPrice } from '@shop/domain/money';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { listProducts, type ProductPage } from '@/lib/admin/catalog-admin';
import { describeFailure } from '@/lib/shopper/call-api';
import styles from '../admin.module.css';

interface Answer {
  key: string;
  list?: ProductPage;
  error?: string;
}

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The product list: search by name or slug, page by page; each row opens the product's editor. */
export function ProductTable() {
  const params = useSearchParams();
  const router = useRouter();
  const path = usePathname();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = `${q}|${page}`;
  // What was loaded, and for which search: another search shows "Loading" until its answer.
  const [answer, setAnswer] = useState<Answer>();
  const loaded: Partial<Answer> = answer?.key === key ? answer : {};
  const [typed, setTyped] = useState(q);

  useEffect(() => {
    let live = true;
    listProducts({ q, page }).then(
      (list) => live && setAnswer({ key: `${q}|${page}`, list }),
      (error: unknown) => live && setAnswer({ key: `${q}|${page}`, error: describeFailure(error) }),
    );
    return () => {
      live = false;
    };
  }, [q, page]);

  const go = (next: { q: string; page: number }) => {
    const query = new URLSearchParams();
    if (next.q) query.set('q', next.q);
    if (next.page > 1) query.set('page', String(next.page));
    const search = query.toString();
    router.push(search ? `${path}?${search}` : path);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: typed.trim(), page: 1 });
  };

  return (
    <>
      <div className={styles.head}>
        <h1 className={styles.title}>Products</h1>
        <Link className="button" href="/admin/products/new">
          New product
        </Link>
      </div>
      <form className={styles.search} role="search" onSubmit={search}>
        <label htmlFor="product-search" className="visually-hidden">
          Search products
        </label>
        <input
          id="product-search"
          type="search"
          className={styles.input}
          placeholder="Search by name or slug"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="button button-secondary">
          Search
        </button>
      </form>

      {loaded.error ? (
        <p role="alert" className={styles.error}>
          We couldn’t load the products. {loaded.error}
        </p>
      ) : !loaded.list ? (
        <p className={styles.note} aria-busy="true">
          Loading products…
        </p>
      ) : loaded.list.items.length === 0 ? (
        <p className={styles.note}>{q ? `No product matches “${q}”.` : 'No products yet.'}</p>
      ) : (
        <>
          <table className={styles.table} data-testid="admin-products">
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Department</th>
                <th scope="col" className={styles.number}>
                  Price
                </th>
                <th scope="col" className={styles.number}>
                  Stock
                </th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {loaded.list.items.map((product) => (
                <tr key={product.id} data-testid="admin-product-row">
                  <td>
                    <div className={styles.productCell}>
                      {product.image ? (
                        // eslint-disable-next-line @next/next/no-img-element
                        <img
                          className={styles.thumb}
                          src={`/img/${product.image.hash}/64.webp`}
                          alt=""
                          width={40}
                          height={40}
                        />
                      ) : (
                        <span className={styles.thumb} aria-hidden="true" />
                      )}
                      <Link href={`/admin/products/${product.id}`} className={styles.rowLink}>
                        {product.name}
                      </Link>
                    </div>
                  </td>
                  <td>{product.category.name}</td>
                  <td className={styles.number}>{formatPrice(product.priceCents, 'USD')}</td>
                  <td className={`${styles.number} ${product.stock === 0 ? styles.out : ''}`}>
                    {product.stock}
                  </td>
                  <td className={styles.muted}>{when.format(new Date(product.updatedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className={styles.pager} aria-label="Pages">
            <button
              type="button"
              className="button button-secondary"
              disabled={page <= 1}
              onClick={() => go({ q, page: page - 1 })}
            >
              ← Previous
            </button>
            <span className={styles.muted}>Page {page}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={!loaded.list.hasMore}
              onClick={() => go({ q, page: page + 1 })}
            >
              Next →
            </button>
          </nav>
        </>
      )}
    </>
  );
}
