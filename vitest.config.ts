import { defineConfig } from 'vitest/config';

// `npm test` runs two projects: unit tests (no services) and integration tests (against the
// real Postgres primary + replica and Redis of the test stack, started by infra/local/bin/test-all).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            '{apps,packages,prisma}/**/src/**/*.test.ts',
            'prisma/seed/**/*.test.ts',
            'e2e/load/**/*.test.ts',
            'infra/logs/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', 'e2e/load/reports/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/*/test/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
