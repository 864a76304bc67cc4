import { baseConfig } from '@shop/eslint-config/base';

// This package is the one place allowed to import Prisma and pg.
export default [
  ...baseConfig({ envFiles: ['prisma.config.ts'] }),
  { rules: { 'no-restricted-imports': 'off' } },
];
