import { readFileSync } from 'node:fs';
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
 * Settings given as files, the way Docker secrets arrive: `NAME_FILE=/run/secrets/x` sets NAME
 * to the file's content (one trailing newline dropped), as the official images do. Returns the
 * problems: an unreadable file, or a setting given both ways.
 */
function readSettingFiles(cleaned: EnvSource, names: string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const file = cleaned[`${name}_FILE`];
    if (file === undefined) continue;
    if (cleaned[name] !== undefined) {
      problems.push(`${name}: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      const content = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
      if (content !== '') cleaned[name] = content;
    } catch (error) {
      problems.push(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    }
  }
  return problems;
}

/**
 * Validates an app's settings once, at start-up, so a bad deployment fails fast with the
 * variable named rather than half-working. Empty strings count as unset. Any setting may come
 * from a file instead (NAME_FILE, for secrets).
 */
export function parseEnv<T extends z.ZodObject>(schema: T, source: EnvSource): z.infer<T> {
  const cleaned: EnvSource = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') cleaned[key] = value;
  }
  const fileProblems = readSettingFiles(cleaned, Object.keys(schema.shape));
  if (fileProblems.length > 0) throw new EnvError(fileProblems);
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
