import { baseConfig } from '@shop/eslint-config/base';

// Benchmarks drive the shop over HTTP, like its users.
export default baseConfig();
