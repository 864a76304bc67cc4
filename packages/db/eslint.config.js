import { baseConfig } from '@shop/eslint-config/base';

export default [
  ...baseConfig({ envFiles: ['prisma.config.ts'] }),
  // This package is the one place allowed to import Prisma and pg.
  { rules: { 'no-restricted-imports': 'off' } },
  // The schema engine stand-in is a command-line program that the Prisma CLI talks to.
  { files: ['bin/**'], rules: { 'no-console': 'off', 'no-restricted-properties': 'off' } },
];
