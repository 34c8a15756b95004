import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The real-Prometheus suite (test/long-history/run.mjs): long-running, so not part of the unit run.
export default defineConfig({
  resolve: {
    alias: {
      '@ipvs-dashboard/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['apps/agent/src/**/__tests__/**/*.itest.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
