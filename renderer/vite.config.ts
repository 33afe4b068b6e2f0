import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// `npm run dev:renderer` proxies the API to a runtime started with `npm run serve`.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // Served from loopback (or inside the app): one bundle loads instantly, no need to split.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4810', '/login': 'http://127.0.0.1:4810' } },
});
