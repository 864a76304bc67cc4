import { baseConfig } from '@shop/eslint-config/base';

export default [
  ...baseConfig(),
  // Benchmarks drive the shop over HTTP like its users; bench:checkout also makes and removes
  // its own products in the database and runs pgbench next to it.
  { rules: { 'no-restricted-imports': 'off' } },
];
