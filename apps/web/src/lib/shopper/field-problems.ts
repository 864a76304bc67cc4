import { ShopApiError } from './call-api';

export interface FieldProblem {
  /** The API's name for the field, e.g. `shippingAddress.postalCode`. */
  field: string;
  message: string;
}

/** The fields a refused request names: VALIDATION_FAILED's details.fields, or details.field. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ShopApiError) || typeof error.details !== 'object' || !error.details) {
    return [];
  }
  const details = error.details as { fields?: unknown; field?: unknown };
  if (Array.isArray(details.fields)) {
    return details.fields.flatMap((item: unknown) => {
      const entry = item as { field?: unknown; message?: unknown } | null;
      return entry && typeof entry.field === 'string'
        ? [{ field: entry.field, message: typeof entry.message === 'string' ? entry.message : '' }]
        : [];
    });
  }
  return typeof details.field === 'string'
    ? [{ field: details.field, message: error.message }]
    : [];
}
