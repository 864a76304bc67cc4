import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import styles from './form.module.css';

interface Common {
  id: string;
  label: string;
  /** Shown under the label and read with the field. */
  hint?: ReactNode;
  /** Shown under the field; marks it invalid and is read with it. */
  error?: string | undefined;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Parts({ id, label, hint, error, children }: Common & { children: ReactNode }) {
  return (
    <div className={`${styles.field} ${error ? styles.invalid : ''}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError} data-testid="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled text input with an optional hint and an inline error wired to it for readers. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Parts>
  );
}

/** A labelled select, wired like TextField. */
export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: Common & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={`${styles.input} ${styles.select}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </Parts>
  );
}

/** A labelled multi-line text box, wired like TextField. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Parts id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className={`${styles.input} ${styles.textarea}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
    </Parts>
  );
}

/** A checkbox with its label beside it and an optional hint under the label. */
export function CheckboxField({
  id,
  label,
  hint,
  ...input
}: Omit<Common, 'error'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  return (
    <div className={styles.check}>
      <input
        id={id}
        type="checkbox"
        className={styles.checkbox}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <label htmlFor={id} className={styles.checkLabel}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={`${styles.hint} ${styles.checkHint}`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
