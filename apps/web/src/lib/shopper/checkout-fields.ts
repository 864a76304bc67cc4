import { placeOrderBody, regionLabel, type PlaceOrderBody } from '@shop/domain';

// The checkout form's fields, how each maps to the API's body, and what to tell the shopper
// when one is wrong. The form is checked with the API's own schema (placeOrderBody), so the
// browser and the API agree on what is valid (a region where the country needs one included);
// the messages are written for people.

/** In the order the form shows them (and its error summary lists them). */
export const CHECKOUT_FIELDS = [
  'email',
  'country',
  'name',
  'line1',
  'city',
  'region',
  'postalCode',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];
export type CheckoutValues = Record<CheckoutField, string>;
export type CheckoutErrors = Partial<Record<CheckoutField, string>>;

/** Lengths the API accepts (placeOrderBody), for the inputs' maxLength. */
export const CHECKOUT_MAX_LENGTH: Record<CheckoutField, number> = {
  email: 254,
  name: 120,
  line1: 200,
  city: 120,
  region: 120,
  postalCode: 20,
  country: 2,
};

const MISSING: Record<CheckoutField, string> = {
  email: 'Enter your email address',
  name: 'Enter the name of the person receiving the order',
  line1: 'Enter the street address',
  city: 'Enter the town or city',
  region: 'Enter the region',
  postalCode: 'Enter the postal code',
  country: 'Choose the country to ship to',
};

const MALFORMED: Record<CheckoutField, string> = {
  email: 'Enter an email address like name@example.com',
  name: 'Enter a shorter name',
  line1: 'Enter a shorter street address',
  city: 'Enter a shorter town or city name',
  region: 'Enter the region in 120 characters or fewer',
  postalCode: 'A postal code has 2 to 20 letters, digits, spaces or hyphens',
  country: 'Choose a country from the list',
};

/**
 * What to say about a field the API or the schema refused, given what the shopper typed (and,
 * for the region, the country, which names it: "Enter the state").
 */
export function describeProblem(field: CheckoutField, values: CheckoutValues): string {
  const value = values[field];
  const label = field === 'region' ? regionLabel(values.country)?.toLowerCase() : undefined;
  if (value.trim() === '') return label ? `Enter the ${label}` : MISSING[field];
  return label ? `Enter the ${label} in 120 characters or fewer` : MALFORMED[field];
}

/** The form field an API field path names (`shippingAddress.city` → `city`), if any. */
export function checkoutFieldOf(path: string): CheckoutField | null {
  const name = path.startsWith('shippingAddress.') ? path.slice('shippingAddress.'.length) : path;
  return CHECKOUT_FIELDS.find((field) => field === name) ?? null;
}

function toInput(values: CheckoutValues, saveAddress: boolean) {
  return {
    email: values.email,
    shippingAddress: {
      name: values.name,
      line1: values.line1,
      city: values.city,
      // Only where the country asks for one: the form hides the field elsewhere.
      ...(regionLabel(values.country) ? { region: values.region } : {}),
      postalCode: values.postalCode,
      country: values.country,
    },
    saveAddress,
  };
}

export type CheckoutCheck =
  { ok: true; body: PlaceOrderBody } | { ok: false; errors: CheckoutErrors };

/** Checks the form with the API's schema: the body to send, or a message per wrong field. */
export function checkCheckout(values: CheckoutValues, saveAddress: boolean): CheckoutCheck {
  const parsed = placeOrderBody.safeParse(toInput(values, saveAddress));
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: CheckoutErrors = {};
  for (const issue of parsed.error.issues) {
    const field = checkoutFieldOf(issue.path.join('.'));
    if (field && !errors[field]) errors[field] = describeProblem(field, values);
  }
  return { ok: false, errors };
}
