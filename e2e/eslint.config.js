import { baseConfig } from '@shop/eslint-config/base';

// Journeys only speak HTTP; the base config keeps the database client out of here.
export default baseConfig();
