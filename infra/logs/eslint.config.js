import { baseConfig } from '@shop/eslint-config/base';

export default [...baseConfig()];
