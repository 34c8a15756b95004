import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit tests run from sources; workspace packages resolve to their src, not their build output.
export default defineConfig({
  resolve: {
    alias: {
      '@ipvs-dashboard/shared': fileURLToPath(new URL('./packages/shared/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['packages/*/src/**/__tests__/**/*.test.ts', 'apps/agent/src/**/__tests__/**/*.test.ts'],
    projects: undefined,
  },
});
