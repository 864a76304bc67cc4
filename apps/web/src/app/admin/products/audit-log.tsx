import { formatPrice, type AuditEntry } from '@shop/domain';
import styles from '../admin.module.css';

const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const ACTIONS = { create: 'Created', update: 'Edited', stock: 'Stock adjusted' } as const;
const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  priceCents: 'Price',
  stock: 'Stock',
  categorySlug: 'Department',
  images: 'Pictures',
  reason: 'Reason',
};

function show(field: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field === 'priceCents' && typeof value === 'number') return formatPrice(value, 'USD');
  if (field === 'images' && Array.isArray(value)) {
    return `${value.length} ${value.length === 1 ? 'picture' : 'pictures'}`;
  }
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Who changed what, newest first: each change's fields before and after. */
export function AuditLog({ entries }: { entries: AuditEntry[] }) {
  return (
    <section className={styles.card} aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title" className={styles.cardTitle}>
        History
      </h2>
      {entries.length === 0 ? <p className={styles.muted}>No changes yet.</p> : null}
      <ol className={styles.audit}>
        {entries.map((entry) => (
          <li key={entry.id} className={styles.auditEntry}>
            <p className={styles.auditHead}>
              <strong>{ACTIONS[entry.action]}</strong> by {entry.actor ?? 'a removed account'}
              <span className={styles.muted}> · {when.format(new Date(entry.at))}</span>
            </p>
            {entry.action === 'create' ? null : (
              <ul className={styles.changes}>
                {Object.keys(entry.after).map((field) => (
                  <li key={field}>
                    {LABELS[field] ?? field}:{' '}
                    {field === 'reason' ? (
                      show(field, entry.after[field])
                    ) : (
                      <>
                        <del>{show(field, entry.before?.[field])}</del> →{' '}
                        <ins>{show(field, entry.after[field])}</ins>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
