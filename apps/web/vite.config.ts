import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The dashboard builds to dist/, which the agent serves at /. In dev (`npm run dev -w @ipvs-dashboard/web`),
// Vite proxies the API, the WebSocket and the token login to an agent on 127.0.0.1:8080 (or AGENT_URL), so
// open http://127.0.0.1:5173/?token=<the agent's token>.
const agent = process.env.AGENT_URL ?? 'http://127.0.0.1:8080';

// The agent accepts requests for its own Host and Origin only (DNS-rebinding and CSRF guards), so the
// proxy presents the agent's origin.
const toAgent: ProxyOptions = {
  target: agent,
  changeOrigin: true,
  ws: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (request) => request.setHeader('origin', agent));
    proxy.on('proxyReqWs', (request) => request.setHeader('origin', agent));
  },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@ipvs-dashboard/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': toAgent, '^/\\?token=': { ...toAgent, ws: false } },
  },
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 600 },
});
