// The storefront's lint: the house rules (settings only through src/env.ts, no database client,
// no console) plus React's hooks rules and Next.js' own checks.
import nextPlugin from '@next/eslint-plugin-next';
import { baseConfig } from '@shop/eslint-config/base';
import reactHooks from 'eslint-plugin-react-hooks';

export default [
  // instrumentation.ts reads only NEXT_RUNTIME, a constant Next inlines per bundle.
  ...baseConfig({ envFiles: ['**/env.ts', 'src/instrumentation.ts'] }),
  { ignores: ['next-env.d.ts'] },
  reactHooks.configs.flat.recommended,
  nextPlugin.configs['core-web-vitals'],
  {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@prisma/*', 'pg', '**/generated/**', '@shop/db', '@shop/db/*'],
              message: 'The storefront reaches data only through the API (src/lib/data).',
            },
          ],
        },
      ],
    },
  },
];
