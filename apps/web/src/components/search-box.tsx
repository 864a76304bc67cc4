'use client';

import { type ProductSummary } from '@shop/domain';
import { formatPrice } from '@shop/domain/money';
import { useRouter } from '@bprogress/next/app';
import {
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
} from 'react';
import { searchedWords, subscribeSearchedWords } from '@/lib/searched-words';
import { searchHref } from '@/lib/search-url';
import styles from './search-box.module.css';

/** How long typing must pause before suggestions are asked for. */
const DEBOUNCE_MS = 150;
const SUGGESTIONS = 6;
const MIN_LENGTH = 2;

/**
 * The header's search: a GET form to /search, so it works without JavaScript. With it, the box
 * is a combobox (WAI-ARIA's pattern): as the shopper types, up to six matching products are
 * suggested, each request cancelling the one before; arrow keys move through them, Enter opens
 * the one chosen (or searches when none is), Escape closes them.
 */
export function SearchBox() {
  const router = useRouter();
  const id = useId();
  // On a results page the box shows the words searched for; elsewhere it starts empty.
  const searched = useSyncExternalStore(subscribeSearchedWords, searchedWords, noWords);
  const [shownFor, setShownFor] = useState(searched);
  const [value, setValue] = useState(searched);
  const [found, setFound] = useState<{ q: string; items: ProductSummary[] }>({ q: '', items: [] });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  if (shownFor !== searched) {
    setShownFor(searched);
    setValue(searched);
    setOpen(false);
  }
  const q = value.trim();
  // Suggestions for what the box holds now, never for what it held a keystroke ago.
  const suggestions = q.length >= MIN_LENGTH && found.q === q ? found.items : [];

  useEffect(() => {
    if (q.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ q, pageSize: String(SUGGESTIONS) });
      fetch(`/api/products?${query.toString()}`, { signal: controller.signal })
        .then((response) =>
          response.ok ? (response.json() as Promise<{ items: ProductSummary[] }>) : null,
        )
        .then((page) => {
          if (!page) return;
          setFound({ q, items: page.items });
          setActive(-1);
        })
        // Cancelled by the next keystroke, or the API is busy: the form still searches.
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const listId = `${id}-suggestions`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = open && suggestions.length > 0;

  const openProduct = (product: ProductSummary) => {
    setOpen(false);
    router.push(`/p/${product.slug}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      // Past either end, back to the box itself (-1), then round again.
      setActive((i) => {
        const next = i + step;
        if (next >= suggestions.length) return -1;
        return next < -1 ? suggestions.length - 1 : next;
      });
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      const product = suggestions[active];
      if (product) openProduct(product);
    } else if (event.key === 'Escape') {
      if (expanded) setOpen(false);
      else setValue('');
    }
  };

  return (
    <SearchForm
      onSubmit={(event) => {
        event.preventDefault();
        if (!q) return;
        setOpen(false);
        router.push(searchHref(q));
      }}
      input={{
        id,
        role: 'combobox',
        'aria-autocomplete': 'list',
        'aria-expanded': expanded,
        'aria-controls': listId,
        'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
        value,
        onChange: (event) => {
          setValue(event.target.value);
          setOpen(true);
        },
        onFocus: () => setOpen(true),
        onBlur: () => setOpen(false),
        onKeyDown,
      }}
    >
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        className={styles.list}
        hidden={!expanded}
      >
        {suggestions.map((product, i) => (
          <li
            key={product.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={styles.option}
            // Chosen on press, before the box's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              openProduct(product);
            }}
            onMouseMove={() => setActive(i)}
          >
            <span className={styles.name}>{product.name}</span>
            <span className={styles.price}>
              {formatPrice(product.priceCents, product.currency)}
            </span>
          </li>
        ))}
      </ul>
    </SearchForm>
  );
}

const noWords = () => '';

interface SearchFormProps {
  onSubmit: ComponentProps<'form'>['onSubmit'];
  input: ComponentProps<'input'> & { id: string };
  children: ReactNode;
}

/** The form itself: the box (named for screen readers), its button, and what the box adds. */
function SearchForm({ onSubmit, input, children }: SearchFormProps) {
  return (
    <form role="search" action="/search" className={styles.form} onSubmit={onSubmit}>
      <label htmlFor={input.id} className="visually-hidden">
        Search products
      </label>
      <input
        name="q"
        type="search"
        autoComplete="off"
        enterKeyHint="search"
        placeholder="Search products"
        maxLength={100}
        className={styles.input}
        {...input}
      />
      <button type="submit" className={styles.submit} aria-label="Search">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path
            d="M15.5 15.5L21 21"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {children}
    </form>
  );
}
