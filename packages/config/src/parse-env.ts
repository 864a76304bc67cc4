import type { z } from 'zod';

/** Thrown at start-up when a setting is missing or malformed; names every offending variable. */
export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

type EnvSource = Record<string, string | undefined>;

/**
 * Validates an app's settings once, at start-up, so a bad deployment fails fast with the
 * variable named rather than half-working. Empty strings count as unset.
 */
export function parseEnv<T extends z.ZodObject>(schema: T, source: EnvSource): z.infer<T> {
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(root)';
      const value = cleaned[name];
      return value === undefined && issue.code === 'invalid_type'
        ? `${name} is required`
        : `${name}: ${issue.message}`;
    }),
  );
}
