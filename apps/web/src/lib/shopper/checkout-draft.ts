// What the shopper typed into checkout, kept in this tab (sessionStorage) so a detour to the
// cart or any other page and back finds it again. Read only in the browser, after mount; removed
// once the order is placed or the shopper signs out.

const KEY = 'shop:checkout-draft';

export interface CheckoutDraft {
  /** null until the shopper types one: the account's email is offered meanwhile. */
  email: string | null;
  /** null until the shopper types one: the account's name is offered meanwhile. */
  name: string | null;
  line1: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  /** "Save this address to my account". */
  saveAddress: boolean;
}

const TEXT_FIELDS = ['line1', 'city', 'region', 'postalCode', 'country'] as const;

function isDraft(value: unknown): value is CheckoutDraft {
  if (!value || typeof value !== 'object') return false;
  const draft = value as Record<string, unknown>;
  const textOrNull = (v: unknown) => v === null || typeof v === 'string';
  return (
    textOrNull(draft['email']) &&
    textOrNull(draft['name']) &&
    TEXT_FIELDS.every((field) => typeof draft[field] === 'string') &&
    typeof draft['saveAddress'] === 'boolean'
  );
}

/** This tab's draft, or null when there is none (or storage is unavailable or holds junk). */
export function readCheckoutDraft(): CheckoutDraft | null {
  try {
    const text = window.sessionStorage.getItem(KEY);
    const value: unknown = text ? JSON.parse(text) : null;
    return isDraft(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeCheckoutDraft(draft: CheckoutDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still works, it just forgets on leaving.
  }
}

export function clearCheckoutDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
