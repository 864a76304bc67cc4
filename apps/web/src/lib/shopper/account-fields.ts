import { loginBody, registerBody, type LoginBody, type RegisterBody } from '@shop/domain';

// The sign-in and registration forms' fields, checked with the API's own schemas
// (registerBody, loginBody) and explained in words for people.

export type AccountField = 'name' | 'email' | 'password';
export type AccountValues = Record<AccountField, string>;
export type AccountErrors = Partial<Record<AccountField, string>>;

export const PASSWORD_MIN = 8;

/** What to say about a field the API or the schema refused, given what the shopper typed. */
export function describeAccountProblem(
  field: AccountField,
  value: string,
  form: 'login' | 'register',
): string {
  const empty = (field === 'password' ? value : value.trim()) === '';
  switch (field) {
    case 'name':
      return empty ? 'Enter your name' : 'Enter a shorter name (at most 120 characters)';
    case 'email':
      return empty ? 'Enter your email address' : 'Enter an email address like name@example.com';
    case 'password':
      if (form === 'login') return 'Enter your password';
      if (empty) return 'Choose a password';
      return value.length < PASSWORD_MIN
        ? `Use at least ${PASSWORD_MIN} characters`
        : 'Use at most 128 characters';
  }
}

export function accountFieldOf(path: string): AccountField | null {
  return path === 'name' || path === 'email' || path === 'password' ? path : null;
}

type Check<T> = { ok: true; body: T } | { ok: false; errors: AccountErrors };

function errorsOf(
  issues: { path: PropertyKey[] }[],
  values: Partial<AccountValues>,
  form: 'login' | 'register',
): AccountErrors {
  const errors: AccountErrors = {};
  for (const issue of issues) {
    const field = accountFieldOf(issue.path.join('.'));
    if (field && !errors[field]) {
      errors[field] = describeAccountProblem(field, values[field] ?? '', form);
    }
  }
  return errors;
}

export function checkRegister(values: AccountValues): Check<RegisterBody> {
  const parsed = registerBody.safeParse(values);
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues, values, 'register') };
}

export function checkLogin(values: Omit<AccountValues, 'name'>): Check<LoginBody> {
  const parsed = loginBody.safeParse(values);
  return parsed.success
    ? { ok: true, body: parsed.data }
    : { ok: false, errors: errorsOf(parsed.error.issues, values, 'login') };
}
