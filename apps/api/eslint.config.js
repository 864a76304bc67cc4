import { baseConfig } from '@shop/eslint-config/base';

export default [
  ...baseConfig(),
  // Integration tests reach behind the API on purpose: superuser SQL on primary and replica.
  { files: ['test/**'], rules: { 'no-restricted-imports': 'off' } },
];
