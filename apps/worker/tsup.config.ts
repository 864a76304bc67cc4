import { defineConfig } from 'tsup';

// One file to run: the shop's own packages (TypeScript source) are bundled in,
// third-party dependencies stay in node_modules.
export default defineConfig({
  entry: ['src/server.ts'],
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  skipNodeModulesBundle: true,
  noExternal: [/^@shop\//],
});
