'use client';

import type { User } from '@shop/domain';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { register, signIn } from '@/lib/shopper/account';
import {
  accountFieldOf,
  checkLogin,
  checkRegister,
  describeAccountProblem,
  PASSWORD_MIN,
  type AccountErrors,
  type AccountField,
  type AccountValues,
} from '@/lib/shopper/account-fields';
import { describeFailure, ShopApiError } from '@/lib/shopper/call-api';
import { fieldProblems } from '@/lib/shopper/field-problems';
import { accountHref } from '@/lib/shopper/return-path';
import { announce, useShopper } from '@/lib/shopper/shopper-store';
import styles from './account-page.module.css';
import { ErrorSummary, type SummaryItem } from './error-summary';
import { TextField } from './form-field';

type Mode = 'login' | 'register';

type Prepared = { ok: true; send: () => Promise<User> } | { ok: false; errors: AccountErrors };

const COPY: Record<Mode, { title: string; lede: string; submit: string; busy: string }> = {
  login: {
    title: 'Sign in',
    lede: 'Welcome back. Your cart comes with you.',
    submit: 'Sign in',
    busy: 'Signing in…',
  },
  register: {
    title: 'Create an account',
    lede: 'Keep your orders in one place. Your cart comes with you.',
    submit: 'Create account',
    busy: 'Creating account…',
  },
};

const LABELS: Record<AccountField, string> = {
  name: 'Your name',
  email: 'Email',
  password: 'Password',
};

const FIELD_ORDER: AccountField[] = ['name', 'email', 'password'];

interface Props {
  mode: Mode;
  /** Where to go once signed in: the page the shopper came from (already checked), or '/'. */
  returnTo: string;
}

/**
 * Sign-in and registration: labelled fields checked with the API's schemas, inline errors, an
 * error summary that is announced and focused, and a button that is disabled while it works.
 */
export function AccountForm({ mode, returnTo }: Props) {
  const router = useRouter();
  const { user } = useShopper();
  const id = useId();
  const [values, setValues] = useState<AccountValues>({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [emailTaken, setEmailTaken] = useState(false);
  const [checked, setChecked] = useState(false);
  const [revision, setRevision] = useState(0);
  const [showPassword, setShowPassword] = useState(false);
  const [stage, setStage] = useState<'form' | 'busy' | 'done'>('form');
  const busy = useRef(false);
  const copy = COPY[mode];
  const fields = mode === 'login' ? FIELD_ORDER.filter((f) => f !== 'name') : FIELD_ORDER;
  const fieldId = (field: AccountField) => `${id}-${field}`;

  /** The form checked with the API's schema: what to send, or what is wrong. */
  const prepare = (next: AccountValues): Prepared => {
    if (mode === 'login') {
      const login = checkLogin(next);
      return login.ok ? { ok: true, send: () => signIn(login.body) } : login;
    }
    const registration = checkRegister(next);
    return registration.ok ? { ok: true, send: () => register(registration.body) } : registration;
  };

  const onChange = (field: AccountField) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...values, [field]: event.target.value };
    setValues(next);
    if (checked) {
      const result = prepare(next);
      setErrors(result.ok ? {} : result.errors);
    }
  };

  const fail = (nextErrors: AccountErrors, message: string | null) => {
    setErrors(nextErrors);
    setFailure(message);
    setRevision((n) => n + 1);
  };

  const onFailure = (error: unknown) => {
    setEmailTaken(false);
    if (error instanceof ShopApiError) {
      if (error.code === 'INVALID_CREDENTIALS') {
        setValues((current) => ({ ...current, password: '' }));
        fail({}, 'The email or the password is wrong. Check both and try again.');
        return;
      }
      if (error.code === 'EMAIL_TAKEN') {
        setEmailTaken(true);
        fail({ email: 'An account with this email already exists' }, null);
        return;
      }
      if (error.code === 'VALIDATION_FAILED') {
        const fieldErrors: AccountErrors = {};
        for (const problem of fieldProblems(error)) {
          const field = accountFieldOf(problem.field);
          if (field) fieldErrors[field] ??= describeAccountProblem(field, values[field], mode);
        }
        fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? null : error.message);
        return;
      }
    }
    fail({}, describeFailure(error));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    setChecked(true);
    const result = prepare(values);
    if (!result.ok) {
      setEmailTaken(false);
      fail(result.errors, null);
      return;
    }
    busy.current = true;
    setStage('busy');
    try {
      const signedIn = await result.send();
      setStage('done');
      announce(`Signed in as ${signedIn.name}.`);
      router.replace(returnTo);
    } catch (error) {
      setStage('form');
      onFailure(error);
    } finally {
      busy.current = false;
    }
  };

  if (stage === 'done') {
    return (
      <div className={styles.wrap}>
        <div className={styles.card}>
          <p className={styles.note} role="status">
            You are signed in. Taking you back…
          </p>
        </div>
      </div>
    );
  }

  if (user && stage === 'form') {
    return (
      <div className={styles.wrap}>
        <div className={styles.card}>
          <h1 className={styles.title}>You are signed in</h1>
          <p className={styles.lede}>
            Signed in as <strong>{user.name}</strong> ({user.email}).
          </p>
          <div className={styles.actions}>
            <Link className="button" href={returnTo}>
              Continue
            </Link>
            <Link className="button button-secondary" href="/orders">
              My orders
            </Link>
          </div>
        </div>
      </div>
    );
  }

  const summaryItems: SummaryItem[] = fields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: fieldId(field), message }] : [];
  });
  const working = stage === 'busy';
  const other = mode === 'login' ? '/register' : '/login';

  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <h1 className={styles.title}>{copy.title}</h1>
        <p className={styles.lede}>{copy.lede}</p>
        <form className={styles.form} onSubmit={onSubmit} noValidate aria-busy={working}>
          {summaryItems.length > 0 || failure ? (
            <ErrorSummary
              title={
                failure
                  ? mode === 'login'
                    ? 'Could not sign in'
                    : 'Could not create the account'
                  : 'Please check the form'
              }
              items={[...summaryItems, ...(failure ? [{ message: failure }] : [])]}
              revision={revision}
            >
              {emailTaken ? (
                <p>
                  Is it yours? <Link href={accountHref('/login', returnTo)}>Sign in instead</Link>.
                </p>
              ) : null}
            </ErrorSummary>
          ) : null}

          {mode === 'register' ? (
            <TextField
              id={fieldId('name')}
              name="name"
              label={LABELS.name}
              value={values.name}
              onChange={onChange('name')}
              error={errors.name}
              autoComplete="name"
              maxLength={120}
            />
          ) : null}
          <TextField
            id={fieldId('email')}
            name="email"
            type="email"
            label={LABELS.email}
            value={values.email}
            onChange={onChange('email')}
            error={errors.email}
            autoComplete={mode === 'login' ? 'username' : 'email'}
            inputMode="email"
            spellCheck={false}
            maxLength={254}
          />
          <TextField
            id={fieldId('password')}
            name="password"
            type={showPassword ? 'text' : 'password'}
            label={LABELS.password}
            value={values.password}
            onChange={onChange('password')}
            error={errors.password}
            autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
            hint={mode === 'register' ? `At least ${PASSWORD_MIN} characters.` : undefined}
            maxLength={128}
          />
          <label className={styles.show}>
            <input
              type="checkbox"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            Show password
          </label>
          <button type="submit" className={`button ${styles.submit}`} disabled={working}>
            {working ? copy.busy : copy.submit}
          </button>
        </form>
        <p className={styles.switch}>
          {mode === 'login' ? 'New here? ' : 'Already have an account? '}
          <Link href={accountHref(other, returnTo)}>
            {mode === 'login' ? 'Create an account' : 'Sign in'}
          </Link>
        </p>
      </div>
    </div>
  );
}
