import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// Component tests for the web app: jsdom (our own environment file, see its comment), Testing Library, shared aliased to its sources.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@ipvs-dashboard/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    environment: './src/testing/jsdom-environment.mjs',
    include: ['src/**/__tests__/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
  },
});
