import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dashboard builds to dist/, which the agent serves at /. In dev, Vite proxies the API (and the
// WebSocket) to an agent on 127.0.0.1:8080, or AGENT_URL.
const agent = process.env.AGENT_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@ipvs-dashboard/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: { '/api': { target: agent, ws: true, changeOrigin: false } },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 1200 },
});
