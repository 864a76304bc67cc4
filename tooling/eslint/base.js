// Shared lint rules. Boundaries live here as rules, not comments: settings come from one
// validated env module per app, and the database client stays inside @shop/db.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** @param {{ envFiles?: string[] }} [options] files allowed to read process.env */
export function baseConfig(options = {}) {
  const envFiles = options.envFiles ?? ['**/env.ts'];
  return tseslint.config(
    { ignores: ['**/dist/**', '**/.next/**', '**/generated/**', '**/node_modules/**'] },
    js.configs.recommended,
    ...tseslint.configs.strict,
    {
      languageOptions: { globals: { ...globals.node } },
      rules: {
        'no-console': 'error',
        '@typescript-eslint/no-non-null-assertion': 'error',
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
        'no-restricted-properties': [
          'error',
          { object: 'process', property: 'env', message: 'Read settings through env.ts.' },
        ],
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['@prisma/*', 'pg', '**/generated/**'],
                message: 'Only @shop/db talks to the database.',
              },
            ],
          },
        ],
      },
    },
    { files: envFiles, rules: { 'no-restricted-properties': 'off' } },
  );
}
