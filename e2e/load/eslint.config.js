import { baseConfig } from '@shop/eslint-config/base';

// The load runner speaks HTTP to the shop and drives browsers, like the journeys it replays.
export default [...baseConfig(), { ignores: ['reports/**', 'flows/dist/**'] }];
