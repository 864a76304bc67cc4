import { baseConfig } from '@shop/eslint-config/base';

// Journeys only speak HTTP; the base config keeps the database client out of here. The load
// runner (load/) is a workspace of its own with its own config.
export default [...baseConfig(), { ignores: ['load/**'] }];
