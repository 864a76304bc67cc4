import { baseConfig } from '@shop/eslint-config/base';

export default [
  // tsup writes (and deletes) a bundled copy of its config while building; lint runs alongside.
  { ignores: ['tsup.config.bundled_*'] },
  ...baseConfig(),
  // Integration tests reach behind the services on purpose: superuser SQL on the primary.
  { files: ['test/**'], rules: { 'no-restricted-imports': 'off' } },
];
